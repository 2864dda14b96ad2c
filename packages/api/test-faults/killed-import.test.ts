import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config';
import { dropDatabase, ensureDatabase } from '../src/app/db/database';
import { CSV_COLUMNS } from '../src/imports/csv-columns';
import { createRuntime } from '../src/app/runtime';
import { type RestartableServer, restartableServer } from './support';

let pg: RestartableServer;
let url: string;
let file: string;
const ROWS = 20_000;

beforeAll(async () => {
  pg = await restartableServer();
  url = pg.url(`civimap_killed_${process.pid}`);
  await ensureDatabase(url);
  await (await createRuntime({ config: loadConfig({ DATABASE_URL: url, DEMO_DATA: 'off' }), logger: pino({ level: 'silent' }) })).close();
  const header = CSV_COLUMNS.map((c) => c.name);
  const line = (i: number) => header.map((h) => ({ name_sq: `Organizata ${i}`, municipality: i % 2 ? 'peje' : 'prishtine', service_name_sq: 'Këshillim', service_categories: 'counselling.family' })[h] ?? '').join(',');
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-import-')), 'big.csv');
  fs.writeFileSync(file, [header.join(','), ...Array.from({ length: ROWS }, (_, i) => line(i))].join('\n'));
});
afterAll(async () => {
  await dropDatabase(url).catch(() => undefined);
  await pg?.dispose();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

describe('an import whose process is killed', () => {
  it('leaves no partial data', async () => {
    const cli = path.join(__dirname, '..', 'dist', 'app', 'cli', 'import-csv.js');
    const child = spawn(process.execPath, [cli, file, '--commit'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(child, 'exit');
    let output = '';
    // Killed (SIGKILL: no cleanup at all) once it has written a few batches inside its transaction.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk.toString();
        if (/written (1[05]00|2000)\//.test(output)) resolve();
      });
      child.on('exit', () => reject(new Error(`the import ended before it could be killed: ${output}`)));
    });
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    const runtime = await createRuntime({ config: loadConfig({ DATABASE_URL: url, DEMO_DATA: 'off' }), logger: pino({ level: 'silent' }) });
    try {
      const [counts] = await runtime.orm.em.fork().execute(
        `select (select count(*) from organization)::int as organizations, (select count(*) from service)::int as services, (select count(*) from revision)::int as revisions`,
      );
      expect(counts).toEqual({ organizations: 0, services: 0, revisions: 0 });
    } finally {
      await runtime.close();
    }
  });
});
