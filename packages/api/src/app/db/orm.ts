import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { SeedManager } from '@mikro-orm/seeder';
import path from 'node:path';
import { type AppConfig, loadConfig } from '../../core/config';
import { entities } from './entities';
import { migrationsList } from './migrations';

/**
 * The pool of one process and the limits of each of its connections: DB_POOL_MAX connections; a
 * request that cannot get one within DB_ACQUIRE_TIMEOUT_MS fails (SERVICE_UNAVAILABLE, 503) instead of
 * queueing for a minute; no statement, and no transaction left idle, outlives its timeout, so a stuck
 * client cannot pin a connection (and its locks) for good.
 */
export function poolOptions(config: Pick<AppConfig, 'dbPoolMax' | 'dbAcquireTimeoutMs' | 'dbStatementTimeoutMs' | 'dbIdleInTransactionTimeoutMs'>, max = config.dbPoolMax): Partial<Options> {
  return {
    pool: { min: 0, max, acquireTimeoutMillis: config.dbAcquireTimeoutMs },
    driverOptions: {
      acquireConnectionTimeout: config.dbAcquireTimeoutMs,
      connection: {
        statement_timeout: config.dbStatementTimeoutMs,
        idle_in_transaction_session_timeout: config.dbIdleInTransactionTimeoutMs,
        // A server that does not answer the connect at all must not hold the request longer than the pool would.
        connectionTimeoutMillis: config.dbAcquireTimeoutMs,
      },
    },
  };
}

export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}, replicaUrls: string[] = []): Options {
  return defineConfig({
    clientUrl,
    // Replicas serve only the reads that ask for them (db/read.ts): a user reads their own writes from the primary.
    replicas: replicaUrls.map((url) => ({ clientUrl: url })),
    preferReadReplicas: false,
    entities,
    // Request handlers always fork; a stray use of the global EntityManager is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // DB_POOL_MAX and the timeouts through AppConfig; the runtime and tests may pass their own in overrides.
    ...poolOptions(loadConfig()),
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, '..', '..', '..', 'src', 'app', 'db', 'migrations'),
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    extensions: [Migrator, SeedManager],
    ...overrides,
  });
}

export async function openOrm(clientUrl: string, overrides: Partial<Options> = {}, replicaUrls: string[] = []): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl, overrides, replicaUrls));
}
