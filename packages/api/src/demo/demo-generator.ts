import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { type DemoReference, type DemoRows, DemoModel } from './demo-model';
import { insertDemoRows } from './demo-writer';
import { refreshCoverage } from '../coverage/coverage-summary';

/** A batch's rows and, in the same transaction, the coverage summary of its organizations. */
async function writeBatch(trx: Knex.Transaction, rows: DemoRows): Promise<void> {
  await insertDemoRows(trx, rows);
  await refreshCoverage(trx, rows.organization.map((o) => o.id as string));
}

export interface DemoOptions {
  organizations: number;
  seed: number;
  /** Organizations written per transaction (default 1000). Does not change the data. */
  batchSize?: number;
  /** Called after each committed batch. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  organizations: number;
  services: number;
  locations: number;
  licences: number;
  contracts: number;
}

const DEFAULT_BATCH_SIZE = 1000;
const PARALLEL_BATCHES = 2;

type Executor = Knex | Knex.Transaction;

/** Reference data ordered by code, so that the draws do not depend on the ids a database assigned. */
export async function loadDemoReference(executor: Executor): Promise<DemoReference> {
  const text = (r: any) => ({ sq: r.name_sq as string, sr: (r.name_sr as string | null) ?? null, en: (r.name_en as string | null) ?? null });
  const municipalities = (
    await executor.raw(
      'select m.id, m.code, m.name_sq, m.name_sr, m.name_en, r.code as region_code, m.population, m.seat_lat, m.seat_lng' +
        ' from municipality m join region r on r.id = m.region_id order by m.code',
    )
  ).rows.map((r: any) => ({
    id: r.id,
    code: r.code,
    names: text(r),
    regionCode: r.region_code,
    population: Number(r.population),
    seatLat: Number(r.seat_lat),
    seatLng: Number(r.seat_lng),
  }));
  const categories = (
    await executor.raw(
      'select c.id, c.code, c.name_sq, c.name_sr, c.name_en, p.code as parent_code from service_category c left join service_category p on p.id = c.parent_id order by c.code',
    )
  ).rows.map((r: any) => ({ id: r.id, code: r.code, names: text(r), parentCode: r.parent_code ?? null }));
  const targetGroups = (await executor.raw('select id, code, name_sq, name_sr, name_en from target_group order by code')).rows.map((r: any) => ({
    id: r.id,
    code: r.code,
    names: text(r),
  }));
  const authorities = (
    await executor.raw('select a.id, a.code, a.kind, m.code as municipality_code from public_authority a left join municipality m on m.id = a.municipality_id order by a.code')
  ).rows.map((r: any) => ({ id: r.id, code: r.code, kind: r.kind, municipalityCode: r.municipality_code ?? null }));
  return { municipalities, categories, targetGroups, authorities };
}

function tally(result: DemoResult, rows: DemoRows): void {
  result.organizations += rows.organization.length;
  result.services += rows.service.length;
  result.locations += rows.location.length;
  result.licences += rows.licence.length;
  result.contracts += rows.contract.length;
}

/**
 * Adds `organizations` fictional organizations, with their sites, services, licences and contracts,
 * all marked isDemo. The same seed and count give the same rows, ids and timestamps included.
 *
 * Rows go in with set-based INSERTs rather than through the unit of work: at 100k organizations
 * (about 3 million rows) entity tracking would cost far more than the writes. Each batch commits on
 * its own, so a failure keeps whole batches only (and the run stops at the first failed one);
 * inside a caller's transaction everything shares that transaction instead.
 */
export async function generateDemoData(em: EntityManager, options: DemoOptions): Promise<DemoResult> {
  const { organizations, seed } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(organizations) || organizations < 0) throw new RangeError(`organizations must be a non-negative integer, got ${organizations}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);

  const outer = em.getTransactionContext<Knex.Transaction>();
  const knex = em.getKnex();
  const reference = await loadDemoReference(outer ?? knex);
  const model = new DemoModel(reference, seed);
  const result: DemoResult = { organizations: 0, services: 0, locations: 0, licences: 0, contracts: 0 };

  if (outer) {
    for (let done = 0; done < organizations; done += batchSize) {
      const rows = model.nextBatch(Math.min(batchSize, organizations - done));
      await writeBatch(outer, rows);
      tally(result, rows);
      options.onProgress?.(result.organizations, organizations);
    }
    return result;
  }

  // Two batches in flight on two connections: PostgreSQL spends most of the time checking foreign
  // keys and updating indexes, and a second backend does that on the second core while this process
  // builds the next batch. Batches commit independently, so order of commit does not matter.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for (let started = 0; started < organizations && failure === undefined; ) {
    const rows = model.nextBatch(Math.min(batchSize, organizations - started));
    started += rows.organization.length;
    const insert: Promise<void> = knex
      .transaction((trx) => writeBatch(trx, rows))
      .then(
        () => {
          tally(result, rows);
          options.onProgress?.(result.organizations, organizations);
        },
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => inFlight.delete(insert));
    inFlight.add(insert);
    if (inFlight.size >= PARALLEL_BATCHES) await Promise.race(inFlight);
  }
  // Never return (or throw) while a batch is still open: a caller that closes the pool next would cut it in half.
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return result;
}
