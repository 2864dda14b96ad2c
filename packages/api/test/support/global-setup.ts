import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { type ChildProcess, spawn } from 'node:child_process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL (any database); each test file creates a database of its own there. */
    databaseServerUrl: string;
  }
}

let embedded: ChildProcess | undefined;
let dataDir: string | undefined;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Tests run against the server DATABASE_URL names, or against one embedded PostgreSQL for the whole run (in a child process). */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('databaseServerUrl', process.env.DATABASE_URL);
    return;
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-test-pg-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'embedded-postgres-process.ts'), path.join(dataDir, 'data'), String(await freePort())], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  embedded = child;
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL process exited (${code}) before it was ready: ${output}`)));
  });
  project.provide('databaseServerUrl', url);
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
