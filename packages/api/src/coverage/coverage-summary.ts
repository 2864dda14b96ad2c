import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { pgArray } from '../core/sql';

/**
 * The coverage summary (issue 14): coverage reads ~1,330 cells instead of recomputing them from every
 * service and site. Three tables, kept current by `refreshCoverage` in the writer's transaction:
 *
 * - `coverage_provider`: per organization, each (category, municipality) cell it is a provider of,
 *   with its site count there. A category counts for itself and every category above it (a request
 *   for a category counts its subtree), so a service in a leaf makes rows for the leaf and its parent.
 * - `coverage_site`: the sites of each organization per category it offers, GiST-indexed by
 *   (category, demo, point on the Earth), so the nearest site to a seat is one KNN probe.
 * - `coverage_cell`: per (category, municipality, demo or not) the provider and site counts and the
 *   nearest site's point; demo and real organizations are disjoint, so `includeDemo` sums two rows.
 *
 * - `service_reach` (for the contractable search): see `insertReach`.
 *
 * Counts move by deltas (the organizations' old rows subtracted, the new ones added); the nearest site
 * is probed again for every (category, demo) whose sites changed. Writers take one advisory lock
 * first, so that two transactions never apply deltas computed from each other's uncommitted rows.
 */

/** A transaction (EntityManager inside `transactional`, or a Knex transaction), or an EntityManager to open one on. */
export type CoverageWriter = EntityManager | Knex.Transaction;

type Run = (sql: string, params?: unknown[]) => Promise<Record<string, any>[]>;

const LOCK = `select pg_advisory_xact_lock(hashtext('civimap.coverage'))`;

/** Every category with itself and each category above it: the categories a service's category counts for. */
const CLOSURE = `closure (category_id, root_id) as (
  select id, id from service_category
  union all
  select cl.category_id, c.parent_id from closure cl join service_category c on c.id = cl.root_id where c.parent_id is not null)`;

/** The (service, organization, demo, category counted for) of active services of active organizations. */
const offered = (where: string) => `offered as (
  select s.id as service_id, s.organization_id, o.is_demo, cl.root_id as category_id
  from service s join organization o on o.id = s.organization_id
  join service_category_link sc on sc.service_id = s.id join closure cl on cl.category_id = sc.category_id
  where s.status = 'ACTIVE' and o.status = 'ACTIVE' and ${where}),
offers as (select distinct organization_id, is_demo, category_id from offered)`;

/** An organization is a provider in a cell when a qualifying service serves the municipality or it has a site there. */
const insertProviders = (where: string) => `with recursive ${CLOSURE}, ${offered(where)},
site_counts as (
  select l.organization_id, l.municipality_id, count(*)::int as n from location l
  where l.organization_id in (select organization_id from offers) group by l.organization_id, l.municipality_id),
cells as (
  select f.organization_id, f.category_id, c.municipality_id, f.is_demo, c.n from offers f join site_counts c on c.organization_id = f.organization_id
  union all
  select f.organization_id, f.category_id, sa.municipality_id, f.is_demo, 0 from offered f join service_area sa on sa.service_id = f.service_id),
added as (
  insert into coverage_provider (organization_id, category_id, municipality_id, is_demo, sites)
  select organization_id, category_id, municipality_id, is_demo, max(n) from cells group by organization_id, category_id, municipality_id, is_demo
  returning category_id, municipality_id, is_demo, sites)
insert into coverage_cell (category_id, municipality_id, is_demo, providers, sites)
select category_id, municipality_id, is_demo, count(*), sum(sites) from added group by category_id, municipality_id, is_demo
on conflict (category_id, municipality_id, is_demo) do update
  set providers = coverage_cell.providers + excluded.providers, sites = coverage_cell.sites + excluded.sites`;

const deleteProviders = (where: string) => `with removed as (
  delete from coverage_provider p where ${where} returning category_id, municipality_id, is_demo, sites)
insert into coverage_cell (category_id, municipality_id, is_demo, providers, sites)
select category_id, municipality_id, is_demo, -count(*), -sum(sites) from removed group by category_id, municipality_id, is_demo
on conflict (category_id, municipality_id, is_demo) do update
  set providers = coverage_cell.providers + excluded.providers, sites = coverage_cell.sites + excluded.sites`;

const insertSites = (where: string) => `with recursive ${CLOSURE}, ${offered(where)},
added as (
  insert into coverage_site (location_id, organization_id, category_id, is_demo, lat, lng)
  select l.id, l.organization_id, f.category_id, f.is_demo, l.lat, l.lng from offers f join location l on l.organization_id = f.organization_id
  returning category_id, is_demo)
select distinct category_id, is_demo from added`;

const deleteSites = (where: string) => `with removed as (delete from coverage_site p where ${where} returning category_id, is_demo)
select distinct category_id, is_demo from removed`;

/** The nearest site of the (category, demo) to every municipality's seat: one KNN probe per cell. */
const NEAREST = `insert into coverage_cell (category_id, municipality_id, is_demo, providers, sites, nearest_lat, nearest_lng)
select k.category_id, m.id, k.is_demo, 0, 0, n.lat, n.lng
from unnest(?::uuid[], ?::boolean[]) as k (category_id, is_demo) cross join municipality m
left join lateral (
  select s.lat, s.lng from coverage_site s where s.category_id = k.category_id and s.is_demo = k.is_demo
  order by ll_to_earth(s.lat, s.lng) <-> ll_to_earth(m.seat_lat, m.seat_lng) limit 1) n on true
on conflict (category_id, municipality_id, is_demo) do update set nearest_lat = excluded.nearest_lat, nearest_lng = excluded.nearest_lng`;

const EMPTY_CELLS = `delete from coverage_cell where providers = 0 and nearest_lat is null`;

/**
 * `service_reach`: each active service's category and every municipality it serves (its service area
 * and the municipalities of the sites it is delivered at), for the contractable search to start from
 * the (municipality, category) index instead of from every verified organization.
 */
const insertReach = (where: string) => `insert into service_reach (municipality_id, category_id, organization_id, service_id)
select distinct r.municipality_id, sc.category_id, s.organization_id, s.id as service_id from service s
join service_category_link sc on sc.service_id = s.id
join lateral (
  select sa.municipality_id from service_area sa where sa.service_id = s.id
  union select l.municipality_id from service_at_location sl join location l on l.id = sl.location_id where sl.service_id = s.id) r on true
where s.status = 'ACTIVE' and ${where}`;

/**
 * Brings the coverage summary up to date with the organizations' current services, service areas
 * and sites, inside the caller's transaction (or one of its own). Call it after the writes (after
 * `flush`), with every organization whose services, sites, status or demo flag a write may have
 * changed, deleted organizations included; without ids the whole summary is rebuilt.
 */
export async function refreshCoverage(db: CoverageWriter, organizationIds?: readonly string[]): Promise<void> {
  if (organizationIds && !organizationIds.length) return;
  if (isEntityManager(db) && !db.isInTransaction()) {
    await db.transactional((tx) => refreshCoverage(tx as EntityManager, organizationIds));
    return;
  }
  const run = runner(db);
  await run(LOCK);
  if (!organizationIds) {
    await run('truncate coverage_provider, coverage_site, coverage_cell, service_reach');
    await run(insertReach('true'));
    await run(insertProviders('true'));
    const keys = await run(insertSites('true'));
    await probeNearest(run, keys);
    await run(EMPTY_CELLS);
    return;
  }
  const ids = pgArray([...new Set(organizationIds.map((id) => id.toLowerCase()))]);
  const mine = 'p.organization_id = any(?::uuid[])';
  await run('delete from service_reach p where p.organization_id = any(?::uuid[])', [ids]);
  await run(insertReach('s.organization_id = any(?::uuid[])'), [ids]);
  await run(deleteProviders(mine), [ids]);
  await run(insertProviders('s.organization_id = any(?::uuid[])'), [ids]);
  const removed = await run(deleteSites(mine), [ids]);
  const added = await run(insertSites('s.organization_id = any(?::uuid[])'), [ids]);
  await probeNearest(run, [...removed, ...added]);
  await run(EMPTY_CELLS);
}

async function probeNearest(run: Run, keys: Record<string, any>[]): Promise<void> {
  const unique = new Map(keys.map((k) => [`${k.category_id}/${k.is_demo}`, k]));
  if (!unique.size) return;
  const categories = [...unique.values()].map((k) => k.category_id as string);
  const demo = [...unique.values()].map((k) => (k.is_demo ? 'true' : 'false'));
  await run(NEAREST, [pgArray(categories), `{${demo.join(',')}}`]);
}

function isEntityManager(db: CoverageWriter): db is EntityManager {
  return typeof (db as EntityManager).execute === 'function' && typeof (db as EntityManager).isInTransaction === 'function';
}

function runner(db: CoverageWriter): Run {
  if (isEntityManager(db)) return (text, params = []) => db.execute(text, params as any[]) as Promise<Record<string, any>[]>;
  return async (text, params = []) => (await db.raw(text, params as any[])).rows;
}

/** The statements that build the summary from nothing: the migration's backfill. */
export const COVERAGE_REBUILD_SQL = {
  reach: insertReach('true'),
  providers: insertProviders('true'),
  sites: insertSites('true'),
  nearestAll: NEAREST.replace('unnest(?::uuid[], ?::boolean[]) as k (category_id, is_demo)', '(select distinct category_id, is_demo from coverage_site) as k'),
  emptyCells: EMPTY_CELLS,
};
