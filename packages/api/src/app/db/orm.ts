import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { SeedManager } from '@mikro-orm/seeder';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { entities } from './entities';
import { migrationsList } from './migrations';

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
    // DB_POOL_MAX through AppConfig; the runtime and tests may pass their own pool in overrides.
    pool: { min: 0, max: loadConfig().dbPoolMax },
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
