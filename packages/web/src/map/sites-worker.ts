// The clustering worker and its load message, and the head start the map page gets at boot:
// main.tsx starts the worker and its point-set request while the app's texts and configuration
// load and React renders (they took ~0.6 s before the request left), and the map's cluster layer
// adopts that worker when its load is the same one. The load message is built here only, so the
// early request is the very request the layer would make.
import type { OrganizationFilter } from '../gql/graphql';
import { GRAPHQL_URL } from '../shared/api/graphql';
import { apiLang, type Lang } from '../shared/i18n/lang';
import type { WorkerRequest, WorkerResponse } from './cluster-protocol';
import { MapPointSetQuery, MapSitesAtQuery } from './operations';

export function newSitesWorker(): Worker {
  return new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module' });
}

export function loadMessage(seq: number, filter: OrganizationFilter, lang: Lang): Extract<WorkerRequest, { type: 'load' }> {
  const url = new URL(GRAPHQL_URL, location.href).href;
  return { type: 'load', seq, url, query: MapPointSetQuery.toString(), sitesQuery: MapSitesAtQuery.toString(), variables: { filter, lang: apiLang(lang) } };
}

const loadKey = (filter: OrganizationFilter, lang: Lang) => JSON.stringify([filter, lang]);

interface Early {
  worker: Worker;
  seq: number;
  key: string;
  /** What the worker said before the layer took it over (a message nobody listens to is lost). */
  buffered: WorkerResponse[];
}

let early: Early | null = null;

/** Starts the worker and its load of `filter`'s sites now, for the map page about to render. */
export function prestartSites(filter: OrganizationFilter, lang: Lang): void {
  if (early || typeof Worker === 'undefined') return;
  const worker = newSitesWorker();
  const state: Early = { worker, seq: 1, key: loadKey(filter, lang), buffered: [] };
  worker.onmessage = (ev: MessageEvent<WorkerResponse>) => state.buffered.push(ev.data);
  worker.postMessage(loadMessage(state.seq, filter, lang));
  early = state;
}

/**
 * The early worker, once, if its load is `filter` in `lang` (else it is stopped), with what it
 * said before the caller took it over: the caller listens from now on, replays `said`, and numbers
 * its own messages after `seq`. Null: no early start (another page first, or another filter by now).
 */
export function adoptEarlySites(filter: OrganizationFilter, lang: Lang): { worker: Worker; seq: number; said: WorkerResponse[] } | null {
  const e = early;
  early = null;
  if (!e) return null;
  if (e.key !== loadKey(filter, lang)) {
    e.worker.terminate();
    return null;
  }
  e.worker.onmessage = null;
  return { worker: e.worker, seq: e.seq, said: e.buffered };
}
