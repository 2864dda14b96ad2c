// Clustering of map sites with supercluster. Pure functions: the Web Worker (cluster.worker.ts)
// runs them off the main thread, and the unit tests run them in node.
import Supercluster from 'supercluster';
import type { MapPointsQuery } from '../gql/graphql';
import type { Lang } from '../shared/i18n/lang';

/** One site as the API's `mapPoints` returns it. */
export type MapPoint = MapPointsQuery['mapPoints'][number];

export interface PointProps {
  l: string; // locationId
  o: string; // organizationId
  n: string; // name
  c: string[]; // category codes
  v: boolean; // verified
}

export type ClusterItem =
  | { kind: 'cluster'; id: number; lat: number; lng: number; count: number }
  | { kind: 'point'; locationId: string; organizationId: string; name: string; lat: number; lng: number; categoryCodes: string[]; verified: boolean; nameLang?: Lang };

/** West, south, east, north: supercluster's bbox order. */
export type LngLatBox = [number, number, number, number];

export const CLUSTER_MAX_ZOOM = 16;

export interface IndexSummary {
  sites: number;
  organizations: number;
  hasDemo: boolean;
}

export function isValidPoint(p: MapPoint): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lng) && p.lat >= -90 && p.lat <= 90 && p.lng >= -180 && p.lng <= 180;
}

export function buildIndex(points: readonly MapPoint[], options: { radius?: number; maxZoom?: number } = {}): {
  index: Supercluster<PointProps, Supercluster.AnyProps>;
  summary: IndexSummary;
} {
  const features: Supercluster.PointFeature<PointProps>[] = [];
  const orgs = new Set<string>();
  let hasDemo = false;
  for (const p of points) {
    if (p.isDemo) hasDemo = true;
    if (!isValidPoint(p)) continue;
    orgs.add(p.organizationId);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      properties: { l: p.locationId, o: p.organizationId, n: p.name, c: p.categoryCodes, v: p.verified },
    });
  }
  const index = new Supercluster<PointProps, Supercluster.AnyProps>({
    radius: options.radius ?? 60,
    maxZoom: options.maxZoom ?? CLUSTER_MAX_ZOOM,
    minPoints: 2,
  });
  index.load(features);
  return { index, summary: { sites: features.length, organizations: orgs.size, hasDemo } };
}

/**
 * Grows a view's box by `ratio` of its size on every side (so that a small pan shows markers at
 * once) and clamps it to supercluster's valid range.
 */
export function padBox([w, s, e, n]: LngLatBox, ratio: number): LngLatBox {
  const dx = (e - w) * ratio;
  const dy = (n - s) * ratio;
  const west = w - dx;
  const east = e + dx;
  // supercluster handles a box that crosses the antimeridian, but a box wider than the world must be whole
  if (east - west >= 360) return [-180, Math.max(-90, s - dy), 180, Math.min(90, n + dy)];
  return [Math.max(-180, west), Math.max(-90, s - dy), Math.min(180, east), Math.min(90, n + dy)];
}

export function clustersFor(index: Supercluster<PointProps, Supercluster.AnyProps>, box: LngLatBox, zoom: number): ClusterItem[] {
  const z = Math.max(0, Math.min(Math.floor(zoom), 24));
  return index.getClusters(box, z).map(toItem);
}

function toItem(f: Supercluster.ClusterFeature<Supercluster.AnyProps> | Supercluster.PointFeature<PointProps>): ClusterItem {
  const [lng, lat] = f.geometry.coordinates as [number, number];
  const props = f.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
  if (props.cluster) {
    return { kind: 'cluster', id: props.cluster_id!, lat, lng, count: props.point_count! };
  }
  const p = props as PointProps;
  return { kind: 'point', locationId: p.l, organizationId: p.o, name: p.n, lat, lng, categoryCodes: p.c, verified: p.v };
}

/** A cluster's zoom where it splits, and (for clusters that never split: same spot) its sites. */
export function expandCluster(
  index: Supercluster<PointProps, Supercluster.AnyProps>,
  clusterId: number,
  leafLimit = 20,
): { expansionZoom: number; leaves: Extract<ClusterItem, { kind: 'point' }>[]; total: number } {
  const expansionZoom = index.getClusterExpansionZoom(clusterId);
  const leaves = index.getLeaves(clusterId, leafLimit).map((f) => toItem(f) as Extract<ClusterItem, { kind: 'point' }>);
  const total = countLeaves(index, clusterId);
  return { expansionZoom, leaves, total };
}

/** expandCluster for any index: `describe` turns the leaves into point items (the compact set fetches their names first). */
export async function expandClusterWith<P extends { [name: string]: any }>(
  index: Supercluster<P, Supercluster.AnyProps>,
  clusterId: number,
  describe: (leaves: Supercluster.PointFeature<P>[]) => Promise<Extract<ClusterItem, { kind: 'point' }>[]>,
  leafLimit = 20,
): Promise<{ expansionZoom: number; leaves: Extract<ClusterItem, { kind: 'point' }>[]; total: number }> {
  const expansionZoom = index.getClusterExpansionZoom(clusterId);
  const leaves = await describe(index.getLeaves(clusterId, leafLimit));
  const total = countLeaves(index as unknown as Supercluster<PointProps, Supercluster.AnyProps>, clusterId);
  return { expansionZoom, leaves, total };
}

function countLeaves(index: Supercluster<PointProps, Supercluster.AnyProps>, clusterId: number): number {
  return index.getChildren(clusterId).reduce((sum, c) => {
    const props = c.properties as Partial<Supercluster.ClusterProperties>;
    return sum + (props.cluster ? props.point_count! : 1);
  }, 0);
}

/** Key that identifies a marker across re-clusterings, so the map only adds and removes what changed. */
export function itemKey(item: ClusterItem): string {
  // supercluster's cluster ids encode the zoom and the origin point, so they are stable per zoom
  return item.kind === 'cluster' ? `c:${item.id}:${item.count}` : `p:${item.locationId}`;
}

/** Sum of the sites that a set of items stands for. */
export function totalSites(items: readonly ClusterItem[]): number {
  return items.reduce((s, i) => s + (i.kind === 'cluster' ? i.count : 1), 0);
}
