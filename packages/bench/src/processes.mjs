// Child processes under test (the civimap API, the floor, PostGraphile), their readiness and memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { apiDist, repoRoot } from './api-modules.mjs';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node script` with env, waits until GET readyPath answers 200. Its database connections
 * carry `appName` as their application_name (node-postgres reads PGAPPNAME), so that the PostgreSQL
 * backends serving it can be told apart (pg-cpu.mjs).
 * @returns {Promise<{ name: string, appName: string, pid: number, origin: string, stop: () => Promise<void> }>}
 */
export async function startProcess(name, script, env, { readyPath = '/healthz', port, appName, nodeArgs = [] } = {}) {
  port ??= await freePort();
  const tail = [];
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', OCDS_PREFIX: process.env.OCDS_PREFIX || 'ocds-bench0', GRAPHILE_ENV: 'production', PGAPPNAME: appName },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    tail.push(chunk.toString());
    if (tail.length > 50) tail.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', () => (exited = true));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited before it was ready:\n${tail.join('')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready within 120 s:\n${tail.join('')}`);
    }
    try {
      const res = await fetch(origin + readyPath);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    appName,
    pid: child.pid,
    origin,
    output: () => tail.join(''),
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** @param {{ port?: number, nodeArgs?: string[] }} [options] nodeArgs: e.g. --cpu-prof for a profile */
export function startApi(databaseUrl, { env = {}, ...options } = {}) {
  return startProcess(
    'civimap API',
    path.join(apiDist, 'main.js'),
    {
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_SIGNED_IN_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'off',
      ...env,
    },
    { readyPath: '/readyz', appName: 'bench-civimap', ...options },
  );
}

const here = path.dirname(new URL(import.meta.url).pathname);
const server = (name, file, appName) => (databaseUrl, options = {}) =>
  startProcess(name, path.join(here, 'servers', file), { DATABASE_URL: databaseUrl }, { appName, ...options });
export const startFloor = server('floor (pg)', 'floor.mjs', 'bench-floor');
export const startPostGraphile = server('PostGraphile 4', 'postgraphile.mjs', 'bench-postgraphile4');
export const startPostGraphile5 = server('PostGraphile 5', 'postgraphile5.mjs', 'bench-postgraphile5');

/** Peak resident set size (VmHWM) of a process, in MB. */
export function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Resets the peak RSS to the current RSS (Linux: clear_refs 5), so that a scenario's own peak can be read. */
export function resetPeakRss(pid) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU time (user + system) a process has used, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Waits until a process is nearly idle (under 5% of a CPU over half a second), at most maxMs: after a
 * throughput run of a slow scenario the server still works through the requests in flight, and the
 * next measurement would pay for them.
 */
export async function waitIdle(pid, { maxMs = 180_000 } = {}) {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, 500));
    if (cpuMs(pid) - before <= 25 || Date.now() > deadline) return;
  }
}
