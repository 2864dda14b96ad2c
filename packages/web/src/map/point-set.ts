// The map's sites as the API's compact MapPointSet (grid points, no ids or names): decoded and
// indexed in the clustering worker. Single sites get their ids, names, flags and exact positions
// from mapSitesAt, asked for by grid cell only for the sites a view shows one by one (see
// cluster.worker.ts).
import Supercluster from 'supercluster';
import type { MapPointSetQuery, MapSitesAtQuery } from '../gql/graphql';
import type { Lang } from '../shared/i18n/lang';
import { CLUSTER_MAX_ZOOM, type ClusterItem, type IndexSummary } from './cluster';

export type PointSet = MapPointSetQuery['mapPointSet'];
export type SiteDetails = MapSitesAtQuery['mapSitesAt'][number];

/** A site of the set: its position in the set and its grid cell. */
export interface SetPointProps {
  i: number;
  y: number;
  x: number;
}

export type SetIndex = Supercluster<SetPointProps, Supercluster.AnyProps>;

export const cellKey = (y: number, x: number) => `${y},${x}`;

/** The set's sites as index features, and for each grid cell the positions of its sites (in set order). */
export function decodePointSet(set: PointSet): { features: Supercluster.PointFeature<SetPointProps>[]; cells: Map<string, number[]> } {
  const features: Supercluster.PointFeature<SetPointProps>[] = new Array(set.count);
  const cells = new Map<string, number[]>();
  let i = 0;
  set.bandCounts.forEach((n, k) => {
    const south = (set.firstBand + k) * set.bandSize;
    let x = 0;
    for (let j = 0; j < n; j++, i++) {
      const y = south + set.latOffsets[i]!;
      x = j === 0 ? set.lngDeltas[i]! : x + set.lngDeltas[i]!;
      features[i] = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [set.originLng + x / set.scale, set.originLat + y / set.scale] },
        properties: { i, y, x },
      };
      const key = cellKey(y, x);
      const members = cells.get(key);
      if (members) members.push(i);
      else cells.set(key, [i]);
    }
  });
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
 * in set order takes the k-th site mapSitesAt gave for the cell (both sorted the same way), with
 * its exact position (the grid's is within half a step).
 */
export function pointItem(p: SetPointProps, cells: Map<string, number[]>, details: Map<string, SiteDetails[]>): Extract<ClusterItem, { kind: 'point' }> | null {
  const key = cellKey(p.y, p.x);
  const found = details.get(key);
  if (!found || found.length === 0) return null;
  const k = Math.max(0, (cells.get(key) ?? [p.i]).indexOf(p.i));
  const d = found[Math.min(k, found.length - 1)]!;
  const nameLang = d.nameLanguage.toLowerCase() as Lang;
  return { kind: 'point', locationId: d.locationId, organizationId: d.organizationId, name: d.name, nameLang, lat: d.lat, lng: d.lng, categoryCodes: d.categoryCodes, verified: d.verified };
}
