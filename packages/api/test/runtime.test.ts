import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, productionProblems } from '../src/core/config';
import { Municipality } from '../src/geography/municipality.entity';
import { createRuntime } from '../src/app/runtime';
import { freePort } from './support/global-setup';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('runtime with the embedded PostgreSQL', () => {
  it('initialises a fresh data folder, migrates, seeds, stops cleanly and starts again on the same data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-runtime-'));
    dirs.push(dir);
    const port = await freePort();
    // No DATABASE_URL here, whatever the test run uses: this is the path `npm start` takes.
    const config = loadConfig({ DATA_DIR: path.join(dir, 'pg'), EMBEDDED_PG_PORT: String(port), DEMO_DATA: 'off' });
    const logger = pino({ level: 'silent' });

    const first = await createRuntime({ config, logger });
    expect(await first.orm.em.fork().count(Municipality, {})).toBe(38);
    expect(await portOpen(port)).toBe(true);
    await first.close();
    expect(await portOpen(port)).toBe(false);

    const second = await createRuntime({ config, logger });
    expect(await second.orm.em.fork().count(Municipality, {})).toBe(38);
    await second.close();
  });

  it('refuses to run in production on defaults', () => {
    const problems = (env: Record<string, string>) => productionProblems(loadConfig({ NODE_ENV: 'production', OCDS_PREFIX: 'ocds-a1b2c3', ...env }));
    expect(problems({})).toEqual([expect.stringMatching(/DATABASE_URL is required in production/)]);
    expect(problems({ DATABASE_URL: 'postgres://civimap:postgres@db:5432/civimap' })).toEqual([expect.stringMatching(/default or empty password/)]);
    expect(problems({ DATABASE_URL: 'postgres://civimap@db:5432/civimap' })).toEqual([expect.stringMatching(/default or empty password/)]);
    expect(problems({ DATABASE_URL: 'postgres://civimap:Xk9-long-random@db:5432/civimap' })).toEqual([]);
    expect(problems({ DATABASE_URL: 'postgres://civimap:Xk9-long-random@db:5432/civimap', CORS_ORIGINS: 'http://evil.example' })).toHaveLength(1);
    // Development may use anything.
    expect(productionProblems(loadConfig({}))).toEqual([]);
    // OCDS needs the publisher's registered ocid prefix in production; elsewhere a marked placeholder.
    const database = { NODE_ENV: 'production', DATABASE_URL: 'postgres://civimap:Xk9-long-random@db:5432/civimap' };
    expect(productionProblems(loadConfig(database))).toEqual([expect.stringMatching(/OCDS_PREFIX is required in production/)]);
    expect(productionProblems(loadConfig({ ...database, OCDS_PREFIX: 'ocds-xxxxxx' }))).toEqual([expect.stringMatching(/OCDS_PREFIX is required/)]);
    expect(loadConfig({}).ocds).toEqual({ prefix: 'ocds-xxxxxx', placeholder: true });
    expect(loadConfig({ OCDS_PREFIX: 'ocds-a1b2c3' }).ocds).toEqual({ prefix: 'ocds-a1b2c3', placeholder: false });
    for (const bad of ['ocds-civimap', 'ocds-ABC123', 'civimap', 'ocds-12345']) expect(() => loadConfig({ OCDS_PREFIX: bad }), bad).toThrow(/OCDS_PREFIX must be/);
  });

  it('refuses a malformed configuration with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a non-negative integer/);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA must be auto, on or off/);
  });
});
