// Messages between the map (main thread) and the clustering worker.
import type { ClusterItem, IndexSummary, LngLatBox } from './cluster';

export type WorkerRequest =
  | { type: 'load'; seq: number; url: string; query: string; sitesQuery: string; variables: { filter: unknown; lang: string } }
  | { type: 'clusters'; seq: number; box: LngLatBox; zoom: number }
  | { type: 'expand'; seq: number; clusterId: number };

export type WorkerResponse =
  | { type: 'loaded'; seq: number; summary: IndexSummary }
  | { type: 'clusters'; seq: number; loadSeq: number; items: ClusterItem[]; zoom: number }
  | { type: 'expand'; seq: number; expansionZoom: number; leaves: Extract<ClusterItem, { kind: 'point' }>[]; total: number }
  | { type: 'error'; seq: number; message: string };
