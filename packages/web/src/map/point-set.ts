// The map's sites as the API's compact MapPointSet (grid points and flags, no ids or names): decoded
// and indexed in the clustering worker. Single sites get their ids and names from mapSitesAt, asked
// for by grid cell only for the sites a view shows one by one (see cluster.worker.ts).
import Supercluster from 'supercluster';
import type { MapPointSetQuery, MapSitesAtQuery } from '../gql/graphql';
import { CLUSTER_MAX_ZOOM, type ClusterItem, type IndexSummary } from './cluster';

export type PointSet = MapPointSetQuery['mapPointSet'];
export type SiteDetails = MapSitesAtQuery['mapSitesAt'][number];

/** A site of the set: its position in the set, its grid cell and its verified flag. */
export interface SetPointProps {
  i: number;
  y: number;
  x: number;
  v: boolean;
}

export type SetIndex = Supercluster<SetPointProps, Supercluster.AnyProps>;

export const cellKey = (y: number, x: number) => `${y},${x}`;

/** The set's sites as index features, and for each grid cell the positions of its sites (in set order). */
export function decodePointSet(set: PointSet): { features: Supercluster.PointFeature<SetPointProps>[]; cells: Map<string, number[]> } {
  const features: Supercluster.PointFeature<SetPointProps>[] = new Array(set.count);
  const cells = new Map<string, number[]>();
  let y = 0;
  for (let i = 0; i < set.count; i++) {
    y += set.latSteps[i]!;
    const x = set.lngSteps[i]!;
    features[i] = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [set.originLng + x / set.scale, set.originLat + y / set.scale] },
      properties: { i, y, x, v: (set.flags[i]! & 1) === 1 },
    };
    const key = cellKey(y, x);
    const members = cells.get(key);
    if (members) members.push(i);
    else cells.set(key, [i]);
  }
  return { features, cells };
}

export function buildSetIndex(set: PointSet): { index: SetIndex; cells: Map<string, number[]>; summary: IndexSummary } {
  const { features, cells } = decodePointSet(set);
  const index: SetIndex = new Supercluster<SetPointProps, Supercluster.AnyProps>({ radius: 60, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2 });
  index.load(features);
  return { index, cells, summary: { sites: set.count, organizations: set.organizations, hasDemo: set.hasDemo } };
}

/**
 * A single site's marker item from its set point and the details of its cell: the cell's k-th site
 * in set order takes the k-th site mapSitesAt gave for the cell (both sorted the same way), and
 * the set's position is kept as the marker's key where details are missing.
 */
export function pointItem(p: SetPointProps, lat: number, lng: number, cells: Map<string, number[]>, details: Map<string, SiteDetails[]>): Extract<ClusterItem, { kind: 'point' }> | null {
  const key = cellKey(p.y, p.x);
  const found = details.get(key);
  if (!found || found.length === 0) return null;
  const k = Math.max(0, (cells.get(key) ?? [p.i]).indexOf(p.i));
  const d = found[Math.min(k, found.length - 1)]!;
  return { kind: 'point', locationId: d.locationId, organizationId: d.organizationId, name: d.name, lat, lng, categoryCodes: d.categoryCodes, verified: p.v };
}
