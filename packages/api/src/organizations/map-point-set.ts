import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { UserInputError } from '../core/errors';
import { readQuery } from '../core/read';
import { join, type Sql, sql } from '../core/sql';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { OrganizationSearch } from './organization-search';
import type { OrganizationFilter } from './organization.inputs';

/**
 * The map's sites in a compact form (issue 13: 20,000 sites in under 40 KiB instead of 1 MiB):
 * points on a grid of 1e-4 degrees (about 11 m; the markers of single sites take their exact
 * position from mapSitesAt) from the south-west corner of Kosovo's box, in bands of 0.01 degrees
 * of latitude from south to north, west to east within a band, so that every number sent is small
 * and repetitive; no ids and no names, which the map asks for (mapSitesAt) only for the single
 * sites it shows.
 */
export const GRID_ORIGIN = { lat: 41.85, lng: 20.01 };
export const GRID_SCALE = 10_000;
/** Grid steps of latitude per band (0.01 degrees, about 1.1 km). */
export const BAND_SIZE = 100;
/** How many grid cells one mapSitesAt request may name. */
export const MAX_CELLS = 500;

@ObjectType({
  description:
    'Every matching site as a point on a grid, without ids or names: what the map clusters. Sites come band by band (bandSize grid steps of latitude each, from band firstBand northwards; bandCounts[k] sites in band firstBand + k), west to east within a band. Decode a site of band b as lat = originLat + (b * bandSize + latOffsets[i]) / scale and lng = originLng + x / scale, where x is lngDeltas[i] for the first site of a band and the previous site’s x plus lngDeltas[i] otherwise.',
})
export class MapPointSet {
  @Field(() => Int, { description: 'Number of sites (the length of latOffsets, lngDeltas and flags).' })
  count!: number;

  @Field(() => Int, { description: 'Number of distinct organizations those sites belong to.' })
  organizations!: number;

  @Field(() => Boolean, { description: 'Whether any of the sites belongs to a fictional demo organization.' })
  hasDemo!: boolean;

  @Field(() => Float, { description: 'Latitude of the grid’s origin in WGS84 degrees (41.85, the south of Kosovo’s box).' })
  originLat!: number;

  @Field(() => Float, { description: 'Longitude of the grid’s origin in WGS84 degrees (20.01, the west of Kosovo’s box).' })
  originLng!: number;

  @Field(() => Int, { description: 'Grid steps per degree (10,000: one step is 1e-4 degrees, about 11 m of latitude).' })
  scale!: number;

  @Field(() => Int, { description: 'Grid steps of latitude per band (100: 0.01 degrees).' })
  bandSize!: number;

  @Field(() => Int, { description: 'Index of the first band: 0 is the band at the origin, -1 the one south of it (a site south of Kosovo’s box).' })
  firstBand!: number;

  @Field(() => [Int], { description: 'Number of sites in each band, from band firstBand northwards to the last band with a site.' })
  bandCounts!: number[];

  @Field(() => [Int], { description: 'Per site, its latitude in grid steps from the south edge of its band (0 to bandSize - 1).' })
  latOffsets!: number[];

  @Field(() => [Int], { description: 'Per site, its longitude in grid steps: from the origin for the first site of a band, else from the previous site’s (never negative).' })
  lngDeltas!: number[];

  @Field(() => [Int], { description: 'Per site, bit flags: 1 = the organization is verified, 2 = it is a fictional demo organization.' })
  flags!: number[];
}

@InputType({ description: 'One cell of the MapPointSet grid.' })
export class MapCellInput {
  @Field(() => Int, { description: 'Latitude in grid steps from the origin (not a difference).' })
  lat!: number;

  @Field(() => Int, { description: 'Longitude in grid steps from the origin.' })
  lng!: number;
}

/**
 * A site's grid cell, computed in JavaScript both here and in the browser's worker (the same IEEE
 * arithmetic and Math.round), so that a cell named by the browser is the cell the site was put in.
 */
export function gridCell(lat: number, lng: number): { y: number; x: number } {
  return { y: Math.round((lat - GRID_ORIGIN.lat) * GRID_SCALE), x: Math.round((lng - GRID_ORIGIN.lng) * GRID_SCALE) };
}

/** A site on the grid: its cell and flags, and its organization (counted, not sent). */
export interface GridSite {
  y: number;
  x: number;
  f: number;
  o: string;
}

/** Encodes sites (cells from gridCell) as a MapPointSet. */
export function encodePointSet(sites: GridSite[]): MapPointSet {
  // band by band, west to east, then south to north; within a cell by site id (the sort is stable,
  // the caller gives the sites by id), as mapSitesAt answers
  const rows = [...sites].sort((a, b) => Math.floor(a.y / BAND_SIZE) - Math.floor(b.y / BAND_SIZE) || a.x - b.x || a.y - b.y);
  const firstBand = rows.length ? Math.floor(rows[0]!.y / BAND_SIZE) : 0;
  const bandCounts: number[] = [];
  const latOffsets = new Array<number>(rows.length);
  const lngDeltas = new Array<number>(rows.length);
  const flags = new Array<number>(rows.length);
  const organizations = new Set<string>();
  let band = -1;
  let previousX = 0;
  rows.forEach((r, i) => {
    const b = Math.floor(r.y / BAND_SIZE);
    while (bandCounts.length <= b - firstBand) bandCounts.push(0);
    bandCounts[b - firstBand]!++;
    latOffsets[i] = r.y - b * BAND_SIZE;
    lngDeltas[i] = b === band ? r.x - previousX : r.x;
    band = b;
    previousX = r.x;
    flags[i] = r.f;
    organizations.add(r.o);
  });
  return Object.assign(new MapPointSet(), {
    count: rows.length,
    organizations: organizations.size,
    hasDemo: flags.some((f) => (f & 2) !== 0),
    originLat: GRID_ORIGIN.lat,
    originLng: GRID_ORIGIN.lng,
    scale: GRID_SCALE,
    bandSize: BAND_SIZE,
    firstBand,
    bandCounts,
    latOffsets,
    lngDeltas,
    flags,
  });
}

/** The filter's sites (those that make an organization match) as a MapPointSet, in one statement. */
export async function mapPointSet(em: EntityManager, catalog: ReferenceCatalog, filter: OrganizationFilter | null | undefined, limit: number): Promise<MapPointSet> {
  const resolved = new OrganizationSearch(em, catalog).resolve(filter);
  const where = join([...resolved.where, ...resolved.siteWhere], ' and ');
  const statement = sql(
    `select l.lat, l.lng, (case when o.verification_status = 'VERIFIED' then 1 else 0 end) + (case when o.is_demo then 2 else 0 end) as f, o.id as o` +
      ` from location l join organization o on o.id = l.organization_id where ${where.text || 'true'} order by l.id limit ?`,
    ...where.params,
    limit,
  );
  const rows = await readQuery<{ lat: number; lng: number; f: number; o: string }[]>(em, statement.text, statement.params);
  return encodePointSet(rows.map((r) => ({ ...gridCell(Number(r.lat), Number(r.lng)), f: r.f, o: r.o })));
}

/** Checks the cells of a mapSitesAt request. */
export function checkCells(cells: MapCellInput[]): void {
  if (cells.length > MAX_CELLS) throw new UserInputError(`At most ${MAX_CELLS} cells per request; got ${cells.length}.`, 'cells');
  for (const c of cells) {
    if (!Number.isInteger(c.lat) || !Number.isInteger(c.lng) || Math.abs(c.lat) > 20_000_000 || Math.abs(c.lng) > 40_000_000) {
      throw new UserInputError('Cells are integer grid steps from the origin.', 'cells');
    }
  }
}

/**
 * A condition (alias l) for the sites near the given cells: one small box per cell (a little wider
 * than the cell, so that gridCell decides at the edges), looked up through the sites' GiST index
 * once for the statement; the caller keeps the sites whose gridCell is one of the cells.
 */
export function nearCells(cells: MapCellInput[]): Sql {
  if (!cells.length) return sql('false');
  const margin = 0.6 / GRID_SCALE;
  const boxes = cells.map((c) => {
    const lat = GRID_ORIGIN.lat + c.lat / GRID_SCALE;
    const lng = GRID_ORIGIN.lng + c.lng / GRID_SCALE;
    return `(${lng - margin},${lat - margin}),(${lng + margin},${lat + margin})`;
  });
  // box is the one built-in type whose arrays are delimited by ";"
  return sql(`l.id = any(array(select l2.id from unnest(?::box[]) b join location l2 on point(l2.lng, l2.lat) <@ b))`, `{${boxes.join(';')}}`);
}

export function inCells<T extends { lat: number; lng: number }>(sites: T[], cells: MapCellInput[]): T[] {
  const wanted = new Set(cells.map((c) => `${c.lat},${c.lng}`));
  return sites.filter((s) => {
    const { y, x } = gridCell(s.lat, s.lng);
    return wanted.has(`${y},${x}`);
  });
}
