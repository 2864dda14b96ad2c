import { pointInMultiPolygon } from '../geography/point-in-municipality';
import type { DemoCatalog } from './demo-catalog';
import type { DemoRandom } from './demo-random';
import { Weighted } from './demo-random';
import { type ChildTime, clamp, type DemoRows, type RefMunicipality, round6, type Row, type Site } from './demo-rows';
import { ACCESSIBILITY_SQ, type Community, SITE_KINDS_SQ, STREETS_SQ, STREETS_SR } from './demo-vocabulary';

/** What drawing the parts of one organization needs: the stream, the catalog, and the organization so far. */
export interface OrganizationDraft {
  random: DemoRandom;
  catalog: DemoCatalog;
  rows: DemoRows;
  organizationId: string;
  home: RefMunicipality;
  community: Community;
  childTime: ChildTime;
}

const KOSOVO = { minLat: 41.85, maxLat: 43.27, minLng: 20.01, maxLng: 21.8 };
/** No site is farther than this from its municipality's seat. */
export const MAX_SITE_DISTANCE_KM = 8;
const SITE_COUNT = new Weighted([1, 2, 3], [40, 30, 30]);
const SITE_KINDS_SR = ['Sedište', 'Kancelarija', 'Dnevni centar', 'Punkt za usluge', 'Terenska kancelarija', 'Centar zajednice'];

/** One to three sites, the first in the home municipality, the others mostly there or in a neighbour. */
export function addSites(draft: OrganizationDraft): Site[] {
  const { random: r, catalog, home } = draft;
  const count = SITE_COUNT.draw(r);
  const sites: Site[] = [];
  for (let k = 0; k < count; k++) {
    const municipality = k === 0 || r.chance(0.65) ? home : catalog.neighbour(home, r);
    const row = siteRow(draft, k, municipality);
    draft.rows.location.push(row);
    sites.push({ row, municipality, residential: false, served: false });
  }
  return sites;
}

/**
 * A point near the seat: larger towns spread wider, and the radius is drawn uniformly, which crowds
 * sites towards the seat as towns do. With a polygon, draws are repeated (the radius halving every
 * 4 misses) until one falls inside it, since seats near an edge (Fushë Kosovë, Prishtinë) would
 * otherwise put sites in the neighbour; the seat itself lies inside its polygon, so the loop ends.
 */
function sitePoint(r: DemoRandom, municipality: RefMunicipality, maxPopulation: number): { lat: number; lng: number } {
  let maxKm = Math.min(MAX_SITE_DISTANCE_KM, 1.5 + 6.5 * Math.sqrt(municipality.population / maxPopulation)) * 0.995;
  for (let attempt = 0; ; attempt++) {
    const distance = maxKm * r.float();
    const bearing = 2 * Math.PI * r.float();
    const lat = round6(clamp(municipality.seatLat + (distance * Math.cos(bearing)) / 110.574, KOSOVO.minLat, KOSOVO.maxLat));
    const lng = round6(
      clamp(municipality.seatLng + (distance * Math.sin(bearing)) / (111.32 * Math.cos((municipality.seatLat * Math.PI) / 180)), KOSOVO.minLng, KOSOVO.maxLng),
    );
    if (!municipality.boundary || pointInMultiPolygon(lng, lat, municipality.boundary)) return { lat, lng };
    if (attempt >= 40) return { lat: municipality.seatLat, lng: municipality.seatLng };
    if (attempt % 4 === 3) maxKm /= 2;
  }
}

function siteRow(draft: OrganizationDraft, k: number, municipality: RefMunicipality): Row {
  const { random: r, catalog, community } = draft;
  const { lat, lng } = sitePoint(r, municipality, catalog.maxPopulation);
  const serbian = community === 'srb';
  const kind = k === 0 ? (serbian ? SITE_KINDS_SR[0] : SITE_KINDS_SQ[0]) : serbian ? r.pick(SITE_KINDS_SR.slice(1)) : r.pick(SITE_KINDS_SQ.slice(1));
  const townName = serbian ? (municipality.names.sr ?? municipality.names.sq) : municipality.names.sq;
  const street = serbian ? r.pick(STREETS_SR) : r.pick(STREETS_SQ);
  return {
    id: r.uuid(),
    ...draft.childTime(),
    organization_id: draft.organizationId,
    name: `${kind} – ${townName}`,
    address: r.chance(0.9) ? `${street} ${r.int(1, 180)}, ${townName}` : null,
    municipality_id: municipality.id,
    lat,
    lng,
    accessibility: r.chance(0.4) ? r.pick(ACCESSIBILITY_SQ) : null,
    opening_hours: null,
    is_demo: true,
  };
}
