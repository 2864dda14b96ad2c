import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage } from '../core/connection';
import { decodeCursor, type PageInfo } from '../core/pagination';
import { readQuery } from '../core/read';
import { haversineSql } from '../geography/geo';
import type { Organization } from './organization.entity';
import { OrganizationOrder } from './organization.inputs';
import { join, type Sql, sql } from '../core/sql';

export interface ResolvedFilter {
  where: Sql[];
  /** Distance from the `near` point to the organization's nearest site (km). */
  distance?: Sql;
  /** Conditions on a site (alias l), for the map: only the sites that make the organization match. */
  siteWhere: Sql[];
  /**
   * For `near`: every organization's distance computed in one pass over the sites in the box (alias
   * nd, column km), joined to organization o. A page sorts by it instead of running `distance` once
   * per candidate organization, which grows with the organizations around the point.
   */
  nearJoin?: { join: Sql; distance: Sql };
  /** For `near`: its point and radius, for a page by distance from the nearest sites (organization-page.ts). */
  knn?: { lat: number; lng: number; radiusKm: number };
  /**
   * `where` with the site conditions tested on one organization's own sites (by its index), for plans
   * that test organizations one by one: as an EXISTS the planner would scan the GiST index instead.
   */
  probeWhere: Sql[];
  /** The condition of `near` in `where` (a page from the nearest sites needs no other test of it). */
  nearCondition?: Sql;
  /** Only one condition on sites (one near or one bbox): counted from the sites' index alone. */
  sitesOnly: boolean;
  /** With sitesOnly: that condition written for the band index (geography/geo.ts siteBandsSql), for the count. */
  sitesCount?: Sql;
  /** Conditions whose density decides the page's plan (organization-page.ts): bbox, near, contractable. */
  probe: boolean;
  /**
   * The only such condition is contractable in a municipality: its matches come from the few
   * `service_reach` rows of the (municipality, category) key, so the page always collects them, and
   * counts them in the same statement instead of testing every licence twice.
   */
  collectAndCount: boolean;
}

export interface OrganizationPageRow {
  organization: Organization;
  distanceKm: number | null;
  cursor: string;
}

export interface OrganizationPage {
  rows: OrganizationPageRow[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Above this share of all organizations matching, a page walks the name index and tests each one. */
const DENSE_SHARE = 0.05;
/** The nearest sites a `near` page reads first: per row it needs, and at least; more when they hold too few organizations. */
const SITES_PER_ROW = 4;
const MIN_SITES = 64;

const idOnly = (alias: string) => `json_build_object('id', ${alias}.id)`;

export interface PageArgs {
  first: number;
  after?: string | null;
  order: OrganizationOrder;
  lang: 'sq' | 'sr' | 'en';
  /** SQL for each row's object over the alias (core/projection.ts compiles it from the selection); default just the id. */
  node?: (alias: string) => string;
}

/** The rows a page reads: how many, after which position (the decoded cursor), each built by `node`. */
interface PageSlice {
  first: number;
  after: { value: string | null; id: string } | null;
  node: (alias: string) => string;
}

interface PageRow {
  node: Organization;
  sort_value: string | null;
  distance_km: number | null;
  /** All the matches, when the page counted them (collectAndCount). */
  total?: number;
}

type Plan = 'walk' | 'collect' | 'collect-and-count' | 'planner';

/**
 * One page of organizations in one statement (two for filters whose density decides the plan), and
 * its count only when asked for. The plans:
 * - `near` by distance: the nearest sites by KNN on the GiST index of their points on the Earth
 *   (earthdistance), grouped by organization: it reads a few sites per row of the page, however many
 *   organizations are in the radius.
 * - bbox, near by name, contractable: the count first; where many organizations match, walking the
 *   name (or update) index and testing each finds a page after a few dozen tests; where few match,
 *   collecting them all first is cheaper.
 * - everything else: the planner's own plan over the conditions.
 */
export async function organizationPage(em: EntityManager, resolved: ResolvedFilter, args: PageArgs): Promise<OrganizationPage> {
  const where = resolved.where.length ? join(resolved.where, ' and ') : sql('true');
  const { order, lang } = args;
  // A cursor belongs to its order, and for names to the language it sorted by.
  const cursorOrder = order === OrganizationOrder.NAME && lang !== 'sq' ? `${order}_${lang.toUpperCase()}` : order;
  const after = args.after ? decodeCursor(args.after, cursorOrder) : null;
  const counting = countStatement(resolved, where);
  let counted: Promise<{ total: number; estimate: number }> | undefined;
  const count = () => (counted ??= readQuery(em, counting.text, counting.params).then(([r]) => ({ total: (r?.total as number) ?? 0, estimate: Number(r?.estimate ?? 0) })));
  const slice: PageSlice = { first: args.first, after, node: args.node ?? idOnly };

  let raw: PageRow[] = [];
  if (args.first > 0 || after) {
    if (order === OrganizationOrder.DISTANCE && resolved.knn) {
      raw = await nearestPage(em, resolved, slice);
    } else {
      let plan: Plan = resolved.collectAndCount ? 'collect-and-count' : 'planner';
      if (resolved.probe && !resolved.collectAndCount) {
        const { total, estimate } = await count();
        plan = estimate > 0 && total >= estimate * DENSE_SHARE ? 'walk' : 'collect';
      }
      const statement = sortedPage(resolved, where, plan, slice, order, lang);
      raw = await readQuery(em, statement.text, statement.params);
      // No row after a cursor says nothing of the matches before it: then the count runs on its own.
      if (plan === 'collect-and-count' && (raw.length || !after)) counted ??= Promise.resolve({ total: Number(raw[0]?.total ?? 0), estimate: 0 });
    }
  }
  const page = keysetPage(raw, args.first, args.after, (row) => ({ order: cursorOrder, value: row.sort_value ?? null, id: row.node.id }));
  const rows = page.rows.map((row) => ({
    organization: row.node,
    distanceKm: row.distance_km === null || row.distance_km === undefined ? null : Number(row.distance_km),
    cursor: row.cursor,
  }));
  return { rows, pageInfo: page.pageInfo, totalCount: () => count().then((c) => c.total) };
}

/**
 * The count, and the planner's estimate of all organizations (for choosing a plan). A filter on sites
 * alone (one near or one bbox) counts the organizations of the matching sites from the sites' band
 * index (Migration20261204100000SiteBands), whose entries carry the organization's number and the
 * coordinates (an index-only scan; a distinct over int4 numbers, not uuids:
 * Migration20261203400000OrganizationNumbers).
 */
function countStatement(resolved: ResolvedFilter, where: Sql): Sql {
  const estimate = `(select reltuples from pg_class where oid = 'organization'::regclass)::float8 as estimate`;
  if (resolved.sitesOnly) {
    const sites = resolved.sitesCount ?? join(resolved.siteWhere, ' and ');
    return sql(`select count(distinct l.organization_number)::int as total, ${estimate} from location l where ${sites.text}`, ...sites.params);
  }
  return sql(`select count(*)::int as total, ${estimate} from organization o where ${where.text}`, ...where.params);
}

function sortedPage(resolved: ResolvedFilter, where: Sql, plan: Plan, { first, after, node }: PageSlice, order: OrganizationOrder, lang: 'sq' | 'sr' | 'en'): Sql {
  const walk = plan === 'walk';
  // Walking tests each organization: its distance (for near by name) is then one lookup of its own sites.
  const distance = walk ? resolved.distance : (resolved.nearJoin?.distance ?? resolved.distance);
  const { key, direction, cast } = sortKey(order, distance, lang);
  const distanceColumn = distance ?? sql('null::float8');
  const from = !walk && resolved.nearJoin ? sql(`organization o ${resolved.nearJoin.join.text}`, ...resolved.nearJoin.join.params) : sql('organization o');
  // A scalar subquery is never flattened into a join: the planner keeps the index order and tests each row.
  const condition = walk ? perRow(resolved.probeWhere) : where;
  const collecting = plan === 'collect' || plan === 'collect-and-count';
  // Collecting keeps each match's sort key and distance with it, so the page sorts the matches without reading them again.
  const columns = sql(`o.id, ${key.text} as sort_key, ${distanceColumn.text} as distance_km`, ...key.params, ...distanceColumn.params);
  const inner = collecting
    ? sql('select m.id, m.sort_key, m.distance_km from m')
    : sql(`select ${columns.text} from ${from.text} where ${condition.text}`, ...columns.params, ...from.params, ...condition.params);
  const collected = collecting
    ? sql(`with m as materialized (select ${columns.text} from ${from.text} where ${where.text}) `, ...columns.params, ...from.params, ...where.params)
    : sql('');
  const comparator = direction === 'asc' ? '>' : '<';
  const seek = after ? sql(`where (q.sort_key, q.id) ${comparator} (?::${cast}, ?::uuid)`, after.value, after.id) : sql('');
  // The page is chosen on ids and sort keys alone; only its rows are built into objects.
  return sql(
    `${collected.text}select ${node('o')} as node, p.sort_value, p.distance_km${plan === 'collect-and-count' ? ', (select count(*) from m)::int as total' : ''} from` +
      ` (select q.id, q.sort_key, q.sort_key::text as sort_value, q.distance_km from (${inner.text}) q ${seek.text} order by q.sort_key ${direction}, q.id ${direction} limit ?) p` +
      ` join organization o on o.id = p.id order by p.sort_key ${direction}, p.id ${direction}`,
    ...collected.params,
    ...inner.params,
    ...seek.params,
    first + 1,
  );
}

/**
 * A page by distance from the nearest sites: an organization's nearest site is among the k nearest
 * sites whenever any of its sites is, so grouping them gives exact distances up to the farthest site
 * read. When the page does not end before it (too few organizations after the cursor and the other
 * conditions, or ties at that distance) and the radius holds more sites, it reads four times as many.
 */
async function nearestPage(em: EntityManager, resolved: ResolvedFilter, { first, after, node }: PageSlice): Promise<PageRow[]> {
  const { lat, lng, radiusKm } = resolved.knn!;
  const distance = sql(haversineSql('l'), lat, lat, lng);
  // The box on the Earth's surface (earth() radius, metres) that surely holds every site within radiusKm.
  const boxMetres = radiusKm * 1000 * 1.002 + 10;
  const seek = after ? sql(`and (nd.km, o.id) > (?::float8, ?::uuid)`, after.value, after.id) : sql('');
  // The nearest sites are within the radius already; the other conditions are tested per organization read.
  const where = perRow(resolved.probeWhere.filter((_, i) => resolved.where[i] !== resolved.nearCondition));
  for (let sites = Math.max(MIN_SITES, (first + 1) * SITES_PER_ROW); ; sites *= 4) {
    const statement = sql(
      `with k as materialized (select l.organization_id, ${distance.text} as km from location l` +
        ` where earth_box(ll_to_earth(?, ?), ?) @> ll_to_earth(l.lat, l.lng) and ${distance.text} <= ?` +
        ` order by ll_to_earth(l.lat, l.lng) <-> ll_to_earth(?, ?) limit ?),` +
        ` nd as (select k.organization_id, min(k.km) as km from k group by k.organization_id),` +
        ` p as (select o.id, nd.km from nd join organization o on o.id = nd.organization_id where ${where.text} ${seek.text} order by nd.km, o.id limit ?)` +
        ` select (select count(*) from k)::int as fetched, (select max(k.km) from k) as farthest,` +
        ` (select coalesce(json_agg(json_build_object('node', ${node('o')}, 'sort_value', p.km::text, 'distance_km', p.km) order by p.km, p.id), '[]'::json)` +
        ` from p join organization o on o.id = p.id) as rows`,
      ...distance.params,
      lat,
      lng,
      boxMetres,
      ...distance.params,
      radiusKm,
      lat,
      lng,
      sites,
      ...where.params,
      ...seek.params,
      first + 1,
    );
    const [result]: { fetched: number; farthest: number | null; rows: PageRow[] }[] = await readQuery(em, statement.text, statement.params);
    if (!result) return [];
    const { fetched, farthest, rows } = result;
    // Every site within the radius was read; or the page ends before the farthest site read, so that
    // no organization tied with it (or a hair beyond, in floating point) can be missing.
    if (fetched < sites || (rows.length > first && Number(rows[first].distance_km) < Number(farthest) - 1e-9)) return rows;
  }
}

/** Conditions tested row by row: a scalar subquery is never flattened into a join over every match. */
function perRow(conditions: Sql[]): Sql {
  if (!conditions.length) return sql('true');
  const all = join(conditions, ' and ');
  return sql(`coalesce((select true where ${all.text}), false)`, ...all.params);
}

export function sortKey(order: OrganizationOrder, distance: Sql | undefined, lang: 'sq' | 'sr' | 'en'): { key: Sql; direction: 'asc' | 'desc'; cast: string } {
  switch (order) {
    case OrganizationOrder.DISTANCE:
      return { key: distance!, direction: 'asc', cast: 'float8' };
    case OrganizationOrder.UPDATED_AT:
      return { key: sql('o.updated_at'), direction: 'desc', cast: 'timestamptz' };
    default:
      // The expression matches the indexes on (coalesce(name_xx, name_sq), id).
      return { key: sql(lang === 'sq' ? 'o.name_sq' : `coalesce(o.name_${lang}, o.name_sq)`), direction: 'asc', cast: 'text' };
  }
}
