/// <reference lib="webworker" />
// Fetches the map's sites and clusters them off the main thread: parsing ~20k sites and building
// the index never blocks panning or typing.
import { buildIndex, clustersFor, expandCluster, type MapPoint } from './cluster';
import type { WorkerRequest, WorkerResponse } from './cluster-protocol';

declare const self: DedicatedWorkerGlobalScope;

let current: ReturnType<typeof buildIndex>['index'] | null = null;
let currentLoadSeq = 0;
let latestLoad = 0;
let inflight: AbortController | null = null;

function post(msg: WorkerResponse) {
  self.postMessage(msg);
}

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'load') {
    latestLoad = msg.seq;
    inflight?.abort();
    const ctrl = new AbortController();
    inflight = ctrl;
    try {
      const res = await fetch(msg.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: msg.query, variables: msg.variables }),
        signal: ctrl.signal,
      });
      const body = (await res.json()) as { data?: { mapPoints: MapPoint[] }; errors?: { message: string }[] };
      if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') || `HTTP ${res.status}`);
      if (msg.seq !== latestLoad) return; // a newer filter superseded this one
      const built = buildIndex(body.data.mapPoints);
      current = built.index;
      currentLoadSeq = msg.seq;
      post({ type: 'loaded', seq: msg.seq, summary: built.summary });
    } catch (e) {
      if (ctrl.signal.aborted) return;
      post({ type: 'error', seq: msg.seq, message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  if (msg.type === 'clusters') {
    if (!current) return;
    post({ type: 'clusters', seq: msg.seq, loadSeq: currentLoadSeq, items: clustersFor(current, msg.box, msg.zoom), zoom: msg.zoom });
    return;
  }
  if (msg.type === 'expand') {
    if (!current) return;
    try {
      const r = expandCluster(current, msg.clusterId);
      post({ type: 'expand', seq: msg.seq, ...r });
    } catch (e) {
      post({ type: 'error', seq: msg.seq, message: e instanceof Error ? e.message : String(e) });
    }
  }
};
