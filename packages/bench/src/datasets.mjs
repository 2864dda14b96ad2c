// Data sets of N generated organizations, each in a PostgreSQL database of its own: an embedded
// server per size with its data folder under .data/bench/ (reused when present with the same size
// and seed), or one database per size on DATABASE_URL's server.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { api, repoRoot } from './api-modules.mjs';

/** Bump when the generator or the migrations change what a data set holds: forces regeneration. */
const FORMAT = 1;

export const BENCH_DATA_ROOT = path.join(repoRoot, '.data', 'bench');

/**
 * @returns {Promise<{ url: string, size: number, seed: number, adminUrl: string, statements: boolean, stop: () => Promise<void> }>}
 */
export async function openDataSet({ size, seed, port, log }) {
  const external = process.env.DATABASE_URL;
  let server;
  let url;
  let adminUrl;
  if (external) {
    url = api.database.withDatabase(external, `civimap_bench_${size}_${seed}`);
    adminUrl = api.database.withDatabase(external, 'postgres');
  } else {
    const dataDir = path.join(BENCH_DATA_ROOT, `${size}-seed${seed}`);
    server = await api.embedded.startEmbeddedPostgres({ dataDir, port });
    url = server.url('civimap');
    adminUrl = server.url('postgres');
    // pg_stat_statements counts the statements each request runs; it must be preloaded (a restart).
    if (!(await preloaded(adminUrl))) {
      await withClient(adminUrl, (c) => c.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`));
      await server.stop();
      server = await api.embedded.startEmbeddedPostgres({ dataDir, port });
    }
  }
  const statements = await preloaded(adminUrl);
  if (statements) {
    await withClient(adminUrl, async (c) => {
      await c.query('create extension if not exists pg_stat_statements');
      // Top-level statements only (the default): what a request sends, not what functions run inside.
      await c.query('alter system reset pg_stat_statements.track');
      await c.query('select pg_reload_conf()');
    });
  }

  const marker = await readMarker(url);
  if (marker?.format === FORMAT && marker.size === size && marker.seed === seed) {
    log(`data set ${size} (seed ${seed}) present, reused`);
  } else {
    // Absent, older or half-written (no marker): start from an empty database.
    await api.database.dropDatabase(url);
    await generate({ url, size, seed, log });
  }
  return {
    url,
    adminUrl,
    size,
    seed,
    statements,
    stop: async () => {
      await server?.stop();
    },
  };
}

async function generate({ url, size, seed, log }) {
  const started = performance.now();
  const config = api.config.loadConfig({ ...process.env, DATABASE_URL: url, DEMO_DATA: 'off', LOG_LEVEL: 'warn' });
  const runtime = await api.runtime.createRuntime({ config, demo: 'off', migrate: true, seedReference: true });
  try {
    let reported = 0;
    const result = await api.demo.generateDemoData(runtime.orm.em.fork(), {
      organizations: size,
      seed,
      onProgress: (done, total) => {
        if (done === total || done - reported >= total / 5) {
          reported = done;
          log(`  generating ${done}/${total}`);
        }
      },
    });
    await runtime.orm.em.fork().execute('vacuum analyze');
    await runtime.orm.em.fork().execute(
      `create table if not exists bench_dataset (format int not null, size int not null, seed bigint not null, created_at timestamptz not null default now())`,
    );
    await runtime.orm.em.fork().execute('insert into bench_dataset (format, size, seed) values (?, ?, ?)', [FORMAT, size, seed]);
    log(`generated ${size} organizations in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result)}`);
  } finally {
    await runtime.close();
  }
}

async function readMarker(url) {
  try {
    return await withClient(url, async (c) => {
      const { rows } = await c.query(`select format, size, seed::int as seed from bench_dataset order by created_at desc limit 1`);
      return rows[0] ?? null;
    });
  } catch {
    return null; // no database or no marker yet
  }
}

async function preloaded(adminUrl) {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query(`select current_setting('shared_preload_libraries') as libs`);
    return rows[0].libs.split(',').map((s) => s.trim()).includes('pg_stat_statements');
  });
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Statements run in one database since the last reset, by pg_stat_statements (utility statements such as BEGIN included). */
export async function statementCounter(adminUrl, url) {
  const database = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  return {
    reset: () => client.query('select pg_stat_statements_reset()'),
    read: async () => {
      const { rows } = await client.query(
        `select coalesce(sum(calls), 0)::int as calls from pg_stat_statements s join pg_database d on d.oid = s.dbid
          where d.datname = $1 and s.query not ilike '%pg_stat_statements%'`,
        [database],
      );
      return rows[0].calls;
    },
    close: () => client.end(),
  };
}

export function dataFolderExists(size, seed) {
  return fs.existsSync(path.join(BENCH_DATA_ROOT, `${size}-seed${seed}`, 'PG_VERSION'));
}
