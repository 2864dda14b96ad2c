import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { type AppConfig, type DemoDataMode, loadConfig } from '../core/config';
import { ensureDatabase, redact } from './db/database';
import { type EmbeddedServer, startEmbeddedPostgres } from './db/embedded-postgres';
import { openOrm, poolOptions } from './db/orm';
import { attachCounterStore, type CounterStore, createCounterStore } from '../core/counter-store';
import { seedReferenceData } from '../reference/reference-data.seeder';
import { seedDemoDataIfEmpty } from '../demo/demo-seeding';
import { importBundledBoundariesOnce } from '../geography/bundled-boundaries';
import { createLogger } from '../core/logger';
import { watchRegistryTables } from './cache/registry-changes';

export interface Runtime {
  config: AppConfig;
  orm: MikroORM;
  logger: Logger;
  databaseUrl: string;
  close: () => Promise<void>;
}

export interface RuntimeOptions {
  config?: AppConfig;
  logger?: Logger;
  migrate?: boolean;
  seedReference?: boolean;
  /** Overrides config.demoData. */
  demo?: DemoDataMode;
}

/**
 * Connects to PostgreSQL (the server DATABASE_URL names, or an embedded one), applies pending
 * migrations and seeds what is missing. Shared by the server and every command-line script.
 */
export async function createRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(config.logLevel);
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.info({ dataDir: config.dataDir, port: config.embeddedPgPort }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
    databaseUrl = embedded.url('civimap');
  }
  let orm: MikroORM | undefined;
  let counters: CounterStore | undefined;
  try {
    await ensureDatabase(databaseUrl);
    orm = await openOrm(databaseUrl, poolOptions(config), config.replicaUrls);
    counters = createCounterStore({
      redisUrl: config.redisUrl,
      databaseUrl,
      onError: (error) => logger.warn({ err: error }, 'rate-limit counter store unavailable'),
    });
    attachCounterStore(orm.em, counters);
    await counters.ready();
    if (options.migrate ?? config.migrateOnStart) {
      const applied = await orm.getMigrator().up();
      if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
      // Tables a migration added get the change trigger the response caches listen to.
      await watchRegistryTables(orm.em.fork());
    }
    // Replicas started after a migration job (MIGRATE_ON_START=false) leave seeding to that job too.
    if (options.seedReference ?? config.migrateOnStart) {
      await seedReferenceData(orm.em.fork());
      // before the demo data, which places its sites inside the polygons
      if (await importBundledBoundariesOnce(orm.em.fork())) logger.info('imported the bundled country outline and municipality boundaries (geoBoundaries)');
    }
    const demo = options.demo ?? config.demoData;
    if (demo !== 'off' && (demo === 'on' || embedded)) {
      const created = await seedDemoDataIfEmpty(orm.em.fork(), { organizations: config.demoOrganizations, seed: config.demoSeed });
      if (created) logger.info({ organizations: created }, 'seeded demo data');
    }
  } catch (error) {
    await counters?.close().catch(() => undefined);
    await orm?.close(true).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  logger.info({ database: redact(databaseUrl), embedded: Boolean(embedded) }, 'database ready');
  const ready = orm;
  const counterStore = counters!;
  return {
    config,
    orm: ready,
    logger,
    databaseUrl,
    close: async () => {
      await counterStore.close().catch(() => undefined);
      await ready.close(true);
      await embedded?.stop();
    },
  };
}
