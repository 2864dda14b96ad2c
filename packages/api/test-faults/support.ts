import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/app/db/embedded-postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A PostgreSQL server the test may stop and start: this machine's PostgreSQL 15 cluster when
 * DATABASE_URL names 127.0.0.1:5432 (restarted with pg_ctlcluster), otherwise an embedded server of
 * the test's own.
 */
export interface RestartableServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  dispose: () => Promise<void>;
}

export async function restartableServer(): Promise<RestartableServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const cluster = fs.readdirSync('/etc/postgresql')[0];
    const ctl = (action: string) => execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', action], { stdio: 'pipe' });
    return {
      url: (database) => {
        const u = new URL(external);
        u.pathname = `/${database}`;
        return u.toString();
      },
      stop: async () => void ctl('stop'),
      start: async () => {
        ctl('start');
        await waitForPort(Number(new URL(external).port || 5432));
      },
      dispose: async () => {
        try {
          ctl('start');
        } catch {
          // already running
        }
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-faults-'));
  const port = await freePort();
  let server: EmbeddedServer | undefined = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port });
  return {
    url: (database) => server!.url(database),
    stop: async () => {
      await server?.stop();
      server = undefined;
    },
    start: async () => {
      server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port });
    },
    dispose: async () => {
      await server?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`port ${port} did not open`);
}

export function spawnApi(env: NodeJS.ProcessEnv): ChildProcess {
  const main = path.join(__dirname, '..', 'dist', 'main.js');
  if (!fs.existsSync(main)) throw new Error('build the API first (npm run build -w @civimap/api)');
  return spawn(process.execPath, [main], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
