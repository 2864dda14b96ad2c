import { parse } from 'csv-parse/sync';
import { once } from 'node:events';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config';
import { dropDatabase, ensureDatabase } from '../src/app/db/database';
import { createRuntime } from '../src/app/runtime';
import { freePort, type RestartableServer, restartableServer, spawnApi } from './support';

let pg: RestartableServer;
let url: string;
const ORGANIZATIONS = 6000;

beforeAll(async () => {
  pg = await restartableServer();
  url = pg.url(`civimap_shutdown_${process.pid}`);
  await ensureDatabase(url);
  const runtime = await createRuntime({ config: loadConfig({ DATABASE_URL: url, DEMO_DATA: 'off' }), logger: pino({ level: 'silent' }) });
  await runtime.orm.em.fork().execute(`insert into organization (id, name_sq, description_sq) select gen_random_uuid(), 'Shoqata ' || g, repeat('përshkrim ', 20) from generate_series(1, ${ORGANIZATIONS}) g`);
  await runtime.close();
});
afterAll(async () => {
  await dropDatabase(url).catch(() => undefined);
  await pg?.dispose();
});

describe('graceful shutdown', () => {
  it('SIGTERM stops accepting, lets the request in flight finish whole, then exits 0', async () => {
    const port = await freePort();
    const api = spawnApi({ DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'off', WEB_DIST: '/nonexistent' });
    const exited = once(api, 'exit');
    const base = `http://127.0.0.1:${port}`;
    // A startup wait (90 s at most), not a timing check: a loaded 2-core machine starts the API slowly.
    for (let i = 0; i < 450; i++) {
      const ok = await fetch(`${base}/readyz`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    const response = await fetch(`${base}/export/organizations.csv`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value!);
    api.kill('SIGTERM');
    // A slow reader: the export is still streaming while the server shuts down.
    await new Promise((r) => setTimeout(r, 300));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const rows = parse(text, { columns: true, comment: '#', skip_empty_lines: true });
    expect(rows).toHaveLength(ORGANIZATIONS);
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
