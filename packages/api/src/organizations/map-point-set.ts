import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { UserInputError } from '../core/errors';
import { readQuery } from '../core/read';
import { join, type Sql, sql } from '../core/sql';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { OrganizationSearch } from './organization-search';
import type { OrganizationFilter } from './organization.inputs';

/**
 * The map's sites in a compact form (issue 13: 20,000 sites in about 75 KiB instead of 1 MiB):
 * points on a grid of 1e-5 degrees (about 1 m) from the south-west corner of Kosovo's box, sorted
 * by latitude so that latitudes go as small differences; no ids and no names, which the map asks
 * for (mapSitesAt) only for the single sites it shows.
 */
export const GRID_ORIGIN = { lat: 41.85, lng: 20.01 };
export const GRID_SCALE = 100_000;
/** How many grid cells one mapSitesAt request may name. */
export const MAX_CELLS = 500;

@ObjectType({ description: 'Every matching site as a point on a fine grid, without ids or names: what the map clusters. Decode point i as lat = origin.lat + (latSteps[0] + … + latSteps[i]) / scale, lng = origin.lng + lngSteps[i] / scale.' })
export class MapPointSet {
  @Field(() => Int, { description: 'Number of sites (the length of each list below).' })
  count!: number;

  @Field(() => Int, { description: 'Number of distinct organizations those sites belong to.' })
  organizations!: number;

  @Field(() => Boolean, { description: 'Whether any of the sites belongs to a fictional demo organization.' })
  hasDemo!: boolean;

  @Field(() => Float, { description: 'Latitude of the grid’s origin in WGS84 degrees (41.85, the south of Kosovo’s box).' })
  originLat!: number;

  @Field(() => Float, { description: 'Longitude of the grid’s origin in WGS84 degrees (20.01, the west of Kosovo’s box).' })
  originLng!: number;

  @Field(() => Int, { description: 'Grid steps per degree (100,000: one step is 1e-5 degrees, about 1.1 m of latitude).' })
  scale!: number;

  @Field(() => [Int], { description: 'Latitude of each site in grid steps from the origin, as the difference from the previous site’s (the first from 0); sites are sorted by latitude, then longitude.' })
  latSteps!: number[];

  @Field(() => [Int], { description: 'Longitude of each site in grid steps from the origin.' })
  lngSteps!: number[];

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
  const rows = (await readQuery<{ lat: number; lng: number; f: number; o: string }[]>(em, statement.text, statement.params)).map((r) => ({
    ...gridCell(Number(r.lat), Number(r.lng)),
    f: r.f,
    o: r.o,
  }));
  // by latitude, then longitude; within a cell by site id (the sort is stable), as mapSitesAt answers
  rows.sort((a, b) => a.y - b.y || a.x - b.x);
  const latSteps = new Array<number>(rows.length);
  const lngSteps = new Array<number>(rows.length);
  const flags = new Array<number>(rows.length);
  const organizations = new Set<string>();
  let previous = 0;
  rows.forEach((r, i) => {
    latSteps[i] = r.y - previous;
    previous = r.y;
    lngSteps[i] = r.x;
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
    latSteps,
    lngSteps,
    flags,
  });
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
