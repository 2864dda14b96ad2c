// PostgreSQL's CPU time over a measurement window, from /proc (Linux; the cluster runs on this
// machine): the backends serving one server's pool (found by their application_name, which each
// server under test sets through PGAPPNAME), and the whole cluster (the postmaster, its living
// children and the children it has reaped: cutime/cstime), so that work done by backends that
// ended within the window, and by background processes (autovacuum, WAL writer), is seen too.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state ppid ... utime(11) stime(12) cutime(13) cstime(14)
    return { ppid: Number(f[1]), own: (Number(f[11]) + Number(f[12])) * TICK_MS, reaped: (Number(f[13]) + Number(f[14])) * TICK_MS };
  } catch {
    return null; // ended meanwhile
  }
}

function clusterMs(postmaster) {
  const root = stat(postmaster);
  if (!root) return NaN;
  let total = root.own + root.reaped;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s?.ppid === postmaster) total += s.own;
  }
  return total;
}

/**
 * @param {string} adminUrl a superuser connection to the cluster (reads data_directory and pg_stat_activity)
 * @returns {Promise<{ start: (appName: string) => Promise<() => Promise<{ poolMs: number, clusterMs: number, backends: number }>>, close: () => Promise<void> }> | null}
 *   null when the cluster's processes cannot be read from here
 */
export async function pgCpuProbe(adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'bench-probe' });
  await client.connect();
  let postmaster;
  try {
    const { rows } = await client.query(`select current_setting('data_directory') as dir`);
    postmaster = Number(fs.readFileSync(path.join(rows[0].dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!stat(postmaster)) throw new Error('postmaster not visible');
  } catch {
    await client.end();
    return null;
  }
  const backends = async (appName) => {
    const { rows } = await client.query(`select pid from pg_stat_activity where application_name = $1 or application_name = $1 || ':change-feed'`, [appName]);
    return new Map(rows.map((r) => [r.pid, stat(r.pid)?.own ?? 0]));
  };
  return {
    start: async (appName) => {
      const before = await backends(appName);
      const clusterBefore = clusterMs(postmaster);
      return async () => {
        const clusterAfter = clusterMs(postmaster);
        const after = await backends(appName);
        let poolMs = 0;
        // A backend that connected during the window counts whole; one that ended in it is lost
        // (pools keep their connections for longer than a window; the cluster figure has it).
        for (const [pid, ms] of after) poolMs += ms - (before.get(pid) ?? 0);
        return { poolMs, clusterMs: clusterAfter - clusterBefore, backends: after.size };
      };
    },
    close: () => client.end(),
  };
}
