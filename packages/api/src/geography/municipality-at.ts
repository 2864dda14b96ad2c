import type { EntityManager } from '@mikro-orm/postgresql';
import { haversineKm, KOSOVO_BOX } from './geo';
import { BOUNDARY_TOLERANCE_KM, checkPointInMunicipality, distanceToBoundaryKm, type PointCheck, SEAT_RADIUS_KM } from './point-in-municipality';
import type { MultiPolygon } from './boundaries-import';

export interface MunicipalityHit {
  /** The municipality's id. */
  id: string;
  code: string;
  /** How the point was matched: inside a polygon, near one (simplified edges), or near a seat (no polygons). */
  by: 'POLYGON' | 'NEAR_BOUNDARY' | 'SEAT';
}

/** Points in an outer ring and in none of that polygon's holes (Viti holds Kllokot as a hole). */
const CONTAINING_SQL = `
  select m.id, m.code from municipality m
  where exists (
    select 1 from municipality_ring o
    where o.municipality_id = m.id and o.ring_index = 0 and o.shape @> point(?, ?)
      and not exists (
        select 1 from municipality_ring h
        where h.municipality_id = o.municipality_id and h.polygon_index = o.polygon_index and h.ring_index > 0 and h.shape @> point(?, ?)))
  order by m.code`;

/** The few municipalities whose rings come nearest (distance in degrees only ranks them; km are measured after). */
const NEAREST_SQL = `
  select m.id, m.code, m.boundary, min(r.shape <-> point(?, ?)) as d
  from municipality_ring r join municipality m on m.id = r.municipality_id
  where r.ring_index = 0
  group by m.id, m.code, m.boundary order by d limit 3`;

function containing(em: EntityManager, lat: number, lng: number): Promise<{ id: string; code: string }[]> {
  return em.execute<{ id: string; code: string }[]>(CONTAINING_SQL, [lng, lat, lng, lat]);
}

/**
 * The municipality a point lies in: by the imported polygons when there are any (checked in
 * PostgreSQL), accepting a point within BOUNDARY_TOLERANCE_KM of a polygon since the simplified
 * outlines leave slivers between neighbours; without polygons, the municipality whose seat is
 * nearest, within SEAT_RADIUS_KM. Null outside Kosovo or when nothing matches. The same rules as
 * `checkPointInMunicipality`, which validates a site against the municipality it names.
 */
export async function municipalityAt(em: EntityManager, lat: number, lng: number): Promise<MunicipalityHit | null> {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (lat < KOSOVO_BOX.minLat || lat > KOSOVO_BOX.maxLat || lng < KOSOVO_BOX.minLng || lng > KOSOVO_BOX.maxLng) return null;
  const [{ polygons }] = await em.execute<{ polygons: boolean }[]>('select exists (select 1 from municipality_ring) as polygons');
  if (polygons) {
    const inside = await containing(em, lat, lng);
    // Neighbouring simplified polygons may overlap a little: the first by code is as good as any, and stable.
    if (inside.length) return { id: inside[0].id, code: inside[0].code, by: 'POLYGON' };
    const near = await em.execute<{ id: string; code: string; boundary: unknown }[]>(NEAREST_SQL, [lng, lat]);
    let best: { row: (typeof near)[number]; km: number } | null = null;
    for (const row of near) {
      const boundary = (typeof row.boundary === 'string' ? JSON.parse(row.boundary) : row.boundary) as MultiPolygon;
      const km = distanceToBoundaryKm(lng, lat, boundary);
      if (!best || km < best.km) best = { row, km };
    }
    return best && best.km <= BOUNDARY_TOLERANCE_KM ? { id: best.row.id, code: best.row.code, by: 'NEAR_BOUNDARY' } : null;
  }
  const seats = await em.execute<{ id: string; code: string; seat_lat: number; seat_lng: number }[]>('select id, code, seat_lat, seat_lng from municipality');
  let best: { id: string; code: string; km: number } | null = null;
  for (const s of seats) {
    const km = haversineKm(lat, lng, Number(s.seat_lat), Number(s.seat_lng));
    if (!best || km < best.km) best = { id: s.id, code: s.code, km };
  }
  return best && best.km <= SEAT_RADIUS_KM ? { id: best.id, code: best.code, by: 'SEAT' } : null;
}

/**
 * Whether a site's point may name this municipality: a point inside another municipality's polygon
 * (and not in this one's) is refused even near the edge, so a site never shows in the neighbour on
 * the map; otherwise the rule of `checkPointInMunicipality` (the polygon with its tolerance for
 * slivers, or the distance from the seat). A refusal names the municipality the point is in.
 */
export async function checkSiteMunicipality(
  em: EntityManager,
  lat: number,
  lng: number,
  municipality: { id: string; code: string; seatLat: number; seatLng: number; names: { sq: string } },
  nameOf: (id: string) => string | undefined,
): Promise<PointCheck> {
  const [row] = await em.execute<{ boundary: unknown }[]>('select boundary from municipality where id = ?', [municipality.id]);
  const boundary = typeof row?.boundary === 'string' ? JSON.parse(row.boundary) : (row?.boundary ?? null);
  const check = checkPointInMunicipality(lat, lng, { ...municipality, boundary });
  if (check.ok === false && check.code === 'OUTSIDE_KOSOVO') return check;
  const inside = boundary ? await containing(em, lat, lng) : [];
  if (inside.some((m) => m.id === municipality.id)) return { ok: true };
  if (inside.length === 0 && check.ok) return check;
  const hit = inside.length ? { id: inside[0].id } : await municipalityAt(em, lat, lng);
  const actual = hit ? nameOf(hit.id) : undefined;
  const reason = check.ok ? `The point ${lat}, ${lng} is inside the boundary of ${actual}, not of ${municipality.names.sq}.` : check.message;
  return {
    ok: false,
    code: 'OUTSIDE_MUNICIPALITY',
    message: actual ? `${reason} The point lies in ${actual}: choose ${actual} or move the point.` : reason,
  };
}
