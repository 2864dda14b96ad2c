import type { EntityManager } from '@mikro-orm/postgresql';
import type { Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import { readQuery } from '../core/read';
import { CopyLines } from './hsds-copy-lines';
import type { Sql } from '../core/sql';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type { HsdsObject } from './hsds-records';
import { HsdsSql } from './hsds-sql';
import { inline, literal } from './hsds-sql-text';
import type { HsdsVocabulary } from './hsds-vocabulary';

export type OrganizationShape = 'basic' | 'full' | 'full_service';

/** A whole export may read for longer than an API statement may (DB_STATEMENT_TIMEOUT_MS); it still ends. */
export const EXPORT_STATEMENT_TIMEOUT = '15min';

/** The builder of one reference catalog, and the key of the documents it writes. */
interface Builder {
  sql: HsdsSql;
  /** The full_service document's SQL: what is stored in hsds_document. */
  stored: string;
  /** A hash of that SQL (mapping and reference data): a stored document made by other SQL is not served. */
  vocabulary: string;
}

/** One builder per reference catalog: its reference data constants are built once per catalog load. */
const builders = new WeakMap<ReferenceCatalog, Builder>();

function builderFor(vocabulary: HsdsVocabulary): Builder {
  let builder = builders.get(vocabulary.catalog);
  if (!builder) {
    const sql = new HsdsSql(vocabulary);
    const stored = sql.organizationFull({ fullServices: true }, 'o');
    builder = { sql, stored, vocabulary: createHash('sha1').update(stored).digest('hex') };
    builders.set(vocabulary.catalog, builder);
  }
  return builder;
}

/** The FROM of organizations (alias o) with, for full_service, the stored document where it is current (alias d). */
const STORED_FROM = (vocabulary: string) => `organization o
  left join hsds_document_generation g on g.organization_id = o.id
  left join hsds_document d on d.organization_id = o.id and d.generation = coalesce(g.generation, 0) and d.vocabulary = ${literal(vocabulary)}`;

/** The document of organization o (the stored one when current), and the FROM it needs. */
function organizationDocument(builder: Builder, shape: OrganizationShape): { doc: string; from: string } {
  if (shape === 'full_service') return { doc: `coalesce(d.doc, ${builder.stored})`, from: STORED_FROM(builder.vocabulary) };
  const doc = shape === 'basic' ? builder.sql.organizationBasic('o') : builder.sql.organizationFull({ fullServices: false }, 'o');
  return { doc, from: 'organization o' };
}

/** HSDS organizations built by PostgreSQL, in the order of `ids`; on a read replica when there is one. */
export async function organizationDocuments(em: EntityManager, vocabulary: HsdsVocabulary, ids: string[], shape: OrganizationShape): Promise<HsdsObject[]> {
  if (!ids.length) return [];
  const wanted = literal(`{${ids.join(',')}}`);
  const { doc, from } = organizationDocument(builderFor(vocabulary), shape);
  // No bound parameters: the statement goes to the driver as it is (its regular expressions hold `?`).
  const rows = await readQuery<{ id: string; doc: string }[]>(em, `select o.id, ${doc} as doc from ${from} where o.id = any(${wanted}::uuid[])`);
  const byId = new Map(rows.map((r) => [String(r.id), r.doc]));
  return ids.flatMap((id) => (byId.has(id) ? [JSON.parse(byId.get(id)!) as HsdsObject] : []));
}

interface PgClient {
  query: (...args: any[]) => any;
  end: () => Promise<void>;
  __knex__disposed?: unknown;
}

/**
 * Every matching organization as one NDJSON line, in id order, from PostgreSQL's binary COPY
 * (hsds-copy-lines.ts) into `out` with backpressure: the API holds a few socket buffers, whatever the size of the registry.
 * Runs in a read-only transaction of its own on a read replica when there is one.
 */
export async function copyOrganizations(em: EntityManager, vocabulary: HsdsVocabulary, where: Sql, shape: OrganizationShape, out: Writable): Promise<void> {
  const { doc, from } = organizationDocument(builderFor(vocabulary), shape);
  const query = `select ${doc} from ${from} where ${inline(where)} order by o.id`;
  await inTransaction(em, 'read', 'begin transaction read only', async (client) => {
    await pipeline(client.query(copyTo(`copy (${query}) to stdout (format binary)`)), new CopyLines(), out);
  });
}

/** Organizations whose stored document is missing or no longer current, stored afresh per statement. */
export const REFRESH_BATCH = 500;

/**
 * Stores the full_service document of every organization that has none current, in batches (on the
 * primary). A write committed while a batch is built bumps the organization's generation past the
 * one stored with it, so a document built from rows that changed meanwhile is never served.
 * Returns how many documents were stored.
 */
export async function refreshDocuments(em: EntityManager, vocabulary: HsdsVocabulary): Promise<number> {
  const builder = builderFor(vocabulary);
  let stored = 0;
  for (;;) {
    const count = await inTransaction(em, 'write', 'begin', async (client) => {
      const result = await client.query(
        `insert into hsds_document (organization_id, generation, vocabulary, doc)
         select o.id, coalesce(g.generation, 0), ${literal(builder.vocabulary)}, ${builder.stored}
           from ${STORED_FROM(builder.vocabulary)} where d.organization_id is null order by o.id limit ${REFRESH_BATCH}
         on conflict (organization_id) do update set generation = excluded.generation, vocabulary = excluded.vocabulary, doc = excluded.doc`,
      );
      return result.rowCount as number;
    });
    stored += count;
    if (count < REFRESH_BATCH) return stored;
  }
}

/** A pooled connection of the primary or a replica, in a transaction of its own with the export's statement_timeout. */
async function inTransaction<T>(em: EntityManager, type: 'read' | 'write', begin: string, run: (client: PgClient) => Promise<T>): Promise<T> {
  const knex = em.getConnection(type).getKnex();
  const client = (await knex.client.acquireConnection()) as PgClient;
  let clean = false;
  try {
    await client.query(begin);
    await client.query(`set local statement_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
    const result = await run(client);
    await client.query('commit');
    clean = true;
    return result;
  } finally {
    if (!clean) {
      // A COPY cut half-way (the client left, the statement failed) leaves the connection mid-protocol: never reuse it.
      client.__knex__disposed = 'HSDS export interrupted';
      await client.end().catch(() => undefined);
    }
    await knex.client.releaseConnection(client);
  }
}
