/// <reference lib="webworker" />
// Fetches the map's sites as the API's compact point set and clusters them off the main thread:
// decoding ~20k sites and building the index never blocks panning or typing. The single sites a view
// shows get their ids and names from mapSitesAt (by grid cell, cached for the load).
import Supercluster from 'supercluster';
import { expandClusterWith, type ClusterItem, type LngLatBox } from './cluster';
import type { WorkerRequest, WorkerResponse } from './cluster-protocol';
import { buildSetIndex, cellKey, pointItem, type PointSet, type SetIndex, type SetPointProps, type SiteDetails } from './point-set';

declare const self: DedicatedWorkerGlobalScope;

interface Loaded {
  seq: number;
  index: SetIndex;
  cells: Map<string, number[]>;
  details: Map<string, SiteDetails[]>;
  /** The set's grid: a site's cell is computed exactly as the API computed it (gridCell). */
  grid: { lat: number; lng: number; scale: number };
  fetch: (cells: { lat: number; lng: number }[]) => Promise<SiteDetails[]>;
}

let current: Loaded | null = null;
let latestLoad = 0;
let inflight: AbortController | null = null;

function post(msg: WorkerResponse) {
  self.postMessage(msg);
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query, variables }), signal });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') || `HTTP ${res.status}`);
  return body.data;
}

type SetFeature = Supercluster.ClusterFeature<Supercluster.AnyProps> | Supercluster.PointFeature<SetPointProps>;

/** The grid cells of the single sites among `features` whose details are not known yet. */
function missingDetails(state: Loaded, features: SetFeature[]): { lat: number; lng: number }[] {
  const missing = new Map<string, { lat: number; lng: number }>();
  for (const f of features) {
    const p = f.properties as Partial<SetPointProps> & { cluster?: boolean };
    if (p.cluster || p.y === undefined || p.x === undefined) continue;
    const key = cellKey(p.y, p.x);
    if (!state.details.has(key)) missing.set(key, { lat: p.y, lng: p.x });
  }
  return [...missing.values()];
}

/** Fetches (500 cells a request) the details of the single sites among `features` not known yet. */
async function withDetails(state: Loaded, features: SetFeature[]): Promise<void> {
  const cells = missingDetails(state, features);
  for (let from = 0; from < cells.length; from += 500) {
    const chunk = cells.slice(from, from + 500);
    const sites = await state.fetch(chunk);
    for (const c of chunk) state.details.set(cellKey(c.lat, c.lng), []);
    for (const s of sites) {
      // the same arithmetic as the API's gridCell
      const key = cellKey(Math.round((s.lat - state.grid.lat) * state.grid.scale), Math.round((s.lng - state.grid.lng) * state.grid.scale));
      state.details.get(key)?.push(s);
    }
  }
}

function toItems(state: Loaded, features: SetFeature[]): ClusterItem[] {
  const items: ClusterItem[] = [];
  for (const f of features) {
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const props = f.properties as Partial<Supercluster.ClusterProperties> & Partial<SetPointProps>;
    if (props.cluster) items.push({ kind: 'cluster', id: props.cluster_id!, lat, lng, count: props.point_count! });
    else {
      const item = pointItem(props as SetPointProps, state.cells, state.details);
      if (item) items.push(item);
    }
  }
  return items;
}

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'load') {
    latestLoad = msg.seq;
    inflight?.abort();
    const ctrl = new AbortController();
    inflight = ctrl;
    try {
      const data = await graphql<{ mapPointSet: PointSet }>(msg.url, msg.query, { filter: msg.variables.filter }, ctrl.signal);
      if (msg.seq !== latestLoad) return; // a newer filter superseded this one
      const built = buildSetIndex(data.mapPointSet);
      const variables = msg.variables;
      current = {
        seq: msg.seq,
        index: built.index,
        cells: built.cells,
        details: new Map(),
        grid: { lat: data.mapPointSet.originLat, lng: data.mapPointSet.originLng, scale: data.mapPointSet.scale },
        fetch: async (cells) => (await graphql<{ mapSitesAt: SiteDetails[] }>(msg.url, msg.sitesQuery, { cells, filter: variables.filter, lang: variables.lang })).mapSitesAt,
      };
      post({ type: 'loaded', seq: msg.seq, summary: built.summary });
    } catch (e) {
      if (ctrl.signal.aborted) return;
      post({ type: 'error', seq: msg.seq, message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  const state = current;
  if (!state) return;
  try {
    if (msg.type === 'clusters') {
      const z = Math.max(0, Math.min(Math.floor(msg.zoom), 24));
      const features = state.index.getClusters(msg.box as LngLatBox, z) as SetFeature[];
      const reply = () => post({ type: 'clusters', seq: msg.seq, loadSeq: state.seq, items: toItems(state, features), zoom: msg.zoom });
      if (!missingDetails(state, features).length) return reply();
      // the clusters (and the single sites known already) at once; the other single sites when their details arrive
      reply();
      await withDetails(state, features);
      reply();
    } else if (msg.type === 'expand') {
      const r = await expandClusterWith(state.index, msg.clusterId, async (leaves) => {
        await withDetails(state, leaves as SetFeature[]);
        return toItems(state, leaves as SetFeature[]) as Extract<ClusterItem, { kind: 'point' }>[];
      });
      post({ type: 'expand', seq: msg.seq, ...r });
    }
  } catch (e) {
    post({ type: 'error', seq: msg.seq, message: e instanceof Error ? e.message : String(e) });
  }
};
