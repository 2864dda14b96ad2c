import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/core/config';
import { createRuntime, type Runtime } from '../src/app/runtime';
import { type RunningServer, startServer } from '../src/app/server';

export interface AbuseServer {
  runtime: Runtime;
  server: RunningServer;
  /** Every log line the server wrote at warn or above, parsed. */
  logs: { level: number; msg: string; err?: { message?: string } }[];
  post: (body: unknown, headers?: Record<string, string>) => Promise<Response>;
  close: () => Promise<void>;
}

/** The real server (HTTP, Apollo, rate limits, pool) on a free port over the test's database, its warnings kept for assertions. */
export async function startAbuseServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AbuseServer> {
  const logs: AbuseServer['logs'] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', MAP_TILE_URL: '', WEB_DIST: '/nonexistent-web-dist', DEMO_DATA: 'off', ...env });
  const runtime = await createRuntime({ config, logger: pino({ level: 'warn' }, sink) });
  const server = await startServer(runtime);
  return {
    runtime,
    server,
    logs,
    post: (body, headers = {}) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    close: async () => {
      await server.close();
      await runtime.close();
    },
  };
}

/** Log lines that say a request waited for the pool in vain or found the database unavailable. */
export function poolTrouble(logs: AbuseServer['logs']): string[] {
  return logs
    .map((l) => `${l.msg} ${l.err?.message ?? ''}`)
    .filter((line) => /Timeout acquiring a connection|database unavailable|pool is probably full/i.test(line));
}
