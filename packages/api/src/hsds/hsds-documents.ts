import type { EntityManager } from '@mikro-orm/postgresql';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import { readQuery } from '../core/read';
import type { Sql } from '../core/sql';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type { HsdsObject } from './hsds-records';
import { HsdsSql } from './hsds-sql';
import { inline, literal } from './hsds-sql-text';
import type { HsdsVocabulary } from './hsds-vocabulary';

export type OrganizationShape = 'basic' | 'full' | 'full_service';

/** A whole export may read for longer than an API statement may (DB_STATEMENT_TIMEOUT_MS); it still ends. */
export const EXPORT_STATEMENT_TIMEOUT = '15min';

/**
 * COPY in CSV format with a quote and a delimiter no document holds (to_json escapes every control
 * character): each row comes out exactly as its text plus "\n", with nothing escaped, i.e. NDJSON.
 */
const NDJSON_COPY = `with (format csv, quote e'\\x01', delimiter e'\\x02')`;

/** One HsdsSql per reference catalog: its reference data constants are built once per catalog load. */
const builders = new WeakMap<ReferenceCatalog, HsdsSql>();

function builderFor(vocabulary: HsdsVocabulary): HsdsSql {
  let builder = builders.get(vocabulary.catalog);
  if (!builder) builders.set(vocabulary.catalog, (builder = new HsdsSql(vocabulary)));
  return builder;
}

function organizationDocument(builder: HsdsSql, shape: OrganizationShape): string {
  return shape === 'basic' ? builder.organizationBasic('o') : builder.organizationFull({ fullServices: shape === 'full_service' }, 'o');
}

/** HSDS organizations built by PostgreSQL, in the order of `ids`; on a read replica when there is one. */
export async function organizationDocuments(em: EntityManager, vocabulary: HsdsVocabulary, ids: string[], shape: OrganizationShape): Promise<HsdsObject[]> {
  if (!ids.length) return [];
  const wanted = literal(`{${ids.join(',')}}`);
  // No bound parameters: the statement goes to the driver as it is (its regular expressions hold `?`).
  const rows = await readQuery<{ id: string; doc: string }[]>(
    em,
    `select o.id, ${organizationDocument(builderFor(vocabulary), shape)} as doc from organization o where o.id = any(${wanted}::uuid[])`,
  );
  const byId = new Map(rows.map((r) => [String(r.id), r.doc]));
  return ids.flatMap((id) => (byId.has(id) ? [JSON.parse(byId.get(id)!) as HsdsObject] : []));
}

interface PgClient {
  query: (...args: any[]) => any;
  end: () => Promise<void>;
  __knex__disposed?: unknown;
}

/**
 * Every matching organization as one NDJSON line, in id order, from PostgreSQL's COPY straight into
 * `out` with backpressure: the API holds a few socket buffers, whatever the size of the registry.
 * Runs in a read-only transaction of its own on a read replica when there is one.
 */
export async function copyOrganizations(em: EntityManager, vocabulary: HsdsVocabulary, where: Sql, shape: OrganizationShape, out: Writable): Promise<void> {
  const query = `select ${organizationDocument(builderFor(vocabulary), shape)} from organization o where ${inline(where)} order by o.id`;
  const knex = em.getConnection('read').getKnex();
  const client = (await knex.client.acquireConnection()) as PgClient;
  let clean = false;
  try {
    await client.query('begin transaction read only');
    await client.query(`set local statement_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
    await pipeline(client.query(copyTo(`copy (${query}) to stdout ${NDJSON_COPY}`)), out);
    await client.query('commit');
    clean = true;
  } finally {
    if (!clean) {
      // A COPY cut half-way (the client left, the statement failed) leaves the connection mid-protocol: never reuse it.
      client.__knex__disposed = 'HSDS export interrupted';
      await client.end().catch(() => undefined);
    }
    await knex.client.releaseConnection(client);
  }
}
