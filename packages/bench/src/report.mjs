// The results as Markdown: what results.md holds and the run prints.
const fmt = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));
const count = (n) => n.toLocaleString('en');
const SEARCHES = ['text', 'near', 'bbox', 'contractableFor', 'coverage'];

function header(info, results, { tput }) {
  return [
    `Machine: ${info.nproc} CPUs (${info.cpu}), ${info.memoryGb} GB, Node ${info.node}, PostgreSQL ${results[0]?.postgres ?? '?'}; ${info.date}`,
    `Load average (1/5/15 min) at the start of the run: ${info.loadAverage.join(' / ')}; at the end: ${info.loadAverageEnd.join(' / ')} (shared machine).`,
    `Command: ${info.command}`,
    '',
    'Latency: sequential requests over one keep-alive connection (for the page, the median of the rounds). Throughput: autocannon, ' +
      `${tput.connections} connections for ${tput.duration} s (longer for slow scenarios). CPU ms / request, over the throughput run, divided by ` +
      'the requests answered: API = user + system CPU of the server process; PostgreSQL = of the backends serving that server\'s pool ' +
      '(application_name), "cluster" = of every PostgreSQL process including background ones. SQL statements / request: ' +
      'pg_stat_statements calls in the data set\'s database (top-level, BEGIN/COMMIT included) over the sequential runs.',
  ];
}

function scenarioTable(rows) {
  const out = [
    '| scenario | p50 ms | p99 ms | runs | req/s | API CPU ms / req | PostgreSQL CPU ms / req (cluster) | SQL statements / req | response KB | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const mark = row.cpuFrom === 'sequential' ? ' †' : '';
    out.push(`| ${row.label} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${row.runs} | ${fmt(row.rps, 0)} | ${fmt(row.cpu)}${mark} | ${fmt(row.pgCpu)} (${fmt(row.pgClusterCpu)})${mark} | ${fmt(row.statements)} | ${fmt(row.kb)} | ${row.errors} |`);
  }
  if (rows.some((row) => row.cpuFrom === 'sequential')) {
    out.push('', '† No request completed within the throughput window: CPU per request over the sequential runs.');
  }
  return out;
}

function pageSummary(r) {
  const v = r.pageVerification;
  if (!v) return [];
  if (!v.ok) return ['', `**The page scenario FAILED: the servers do not answer the same page, so it was not measured.** ${v.differences.join('; ')}`];
  const c = r.page.page;
  const f = r.page['page.floor'];
  const p4 = r.page['page.postgraphile'];
  const p5 = r.page['page.postgraphile5'];
  const out = ['', `Verified before measuring: every server answered the same ${v.organizations} organizations, ${v.services} services ` +
    `(${v.categories} category and target-group links) and ${v.locations} sites, in the same order, with the same fields.`];
  if (c && f && p4 && p5) {
    out.push('', `Ratios at ${count(r.size)}: civimap p50 / floor p50 = **${fmt(c.p50 / f.p50, 2)}x** (target ≤ 3x); ` +
      `throughput / PostGraphile 4 = **${fmt(c.rps / p4.rps, 2)}x** (target ≥ 1.5x); throughput / PostGraphile 5 = **${fmt(c.rps / p5.rps, 2)}x** (target ≥ 1.0x); ` +
      `API + PostgreSQL CPU ms per request: civimap ${fmt(c.cpu + c.pgCpu)}, floor ${fmt(f.cpu + f.pgCpu)}, PostGraphile 4 ${fmt(p4.cpu + p4.pgCpu)}, PostGraphile 5 ${fmt(p5.cpu + p5.pgCpu)}.`);
  }
  return out;
}

function hsdsLine(r) {
  const h = r.hsds;
  if (!h) return [];
  if (h.error) return ['', `HSDS export: **FAILED** after ${fmt(h.seconds)} s (${h.error}); API peak RSS ${fmt(h.peakRssMb, 0)} MB.`];
  return ['', `HSDS export (\`GET /hsds/organizations?full_service=true&format=ndjson\`): ${count(h.organizations)} organizations, ${fmt(h.mb)} MB in ` +
    `${fmt(h.seconds, 2)} s (best of ${h.runs}) = **${fmt(h.mbPerSecond)} MB/s**; API peak RSS **${fmt(h.peakRssMb, 0)} MB** (${h.peakRssScope}); ${fmt(h.statements)} statements` +
    (h.apiCpuMs === undefined ? '.' : `; CPU per export: API ${fmt(h.apiCpuMs, 0)} ms, PostgreSQL ${fmt(h.pgCpuMs, 0)} ms (cluster ${fmt(h.pgClusterCpuMs, 0)} ms); ` +
      `load average ${h.loadAverage.before.join(' / ')} before, ${h.loadAverage.after.join(' / ')} after. ` +
      `Asked for gzip: ${h.gzip.encoding}, ${fmt(h.gzip.mb)} MB in ${fmt(h.gzip.seconds, 2)} s (API CPU ${fmt(h.gzip.apiCpuMs, 0)} ms).`)];
}

function loadTable(r, { args }) {
  if (!r.load) return [];
  const out = ['', `Load test at ${count(r.size)}: ${args['load-connections']} connections for ${args['load-duration']} s (autocannon, client timeout 30 s; requests still in flight at the end are not counted).`, ''];
  out.push('| query | response cache | req/s | p50 ms | p99 ms | requests | errors (transport / timeouts / non-2xx / GraphQL) | X-Cache hit / shared / miss | API CPU ms / req | load generator CPU % of a core | API RSS before → peak MB |');
  out.push('|---|---|---:|---:|---:|---:|---|---|---:|---:|---|');
  for (const l of r.load) {
    const cache = l.cache ? `${l.cache.HIT} / ${l.cache.SHARED} / ${l.cache.MISS}` : '';
    out.push(`| ${l.label} | ${l.responseCache ?? 'on'} | ${fmt(l.rps, 0)} | ${fmt(l.p50, 0)} | ${fmt(l.p99, 0)} | ${l.total} | **${l.errors}** (${l.detail.transport} / ${l.detail.timeouts} / ${l.detail.non2xx} / ${l.detail.graphql}) | ${cache} | ${fmt(l.cpuPerRequest)} | ${fmt(l.generatorCpuPercent, 0)} | ${fmt(l.rssBeforeMb, 0)} → ${fmt(l.peakRssMb, 0)} |`);
  }
  return out;
}

/** p50 of each search at each size, and how much it grows from the smallest size to the largest. */
function growthTable(results) {
  if (results.length < 2) return [];
  const first = results[0];
  const last = results.at(-1);
  const out = ['', `### Growth from ${count(first.size)} to ${count(last.size)} organizations (p50 ms)`, ''];
  out.push(`| scenario | ${results.map((r) => count(r.size)).join(' | ')} | ${count(last.size)} / ${count(first.size)} |`);
  out.push(`|---|${results.map(() => '---:').join('|')}|---:|`);
  for (const key of ['page', 'page.floor', 'page.postgraphile', 'page.postgraphile5', ...SEARCHES]) {
    const at = results.map((r) => r.rows.find((row) => row.key === key));
    if (!at[0] || !at.at(-1)) continue;
    out.push(`| ${at[0].label} | ${at.map((row) => fmt(row?.p50)).join(' | ')} | ${fmt(at.at(-1).p50 / at[0].p50, 1)}x |`);
  }
  return out;
}

function explainSection(results) {
  const explained = results.filter((r) => r.explain);
  if (!explained.length) return [];
  const out = ['', '### EXPLAIN (ANALYZE, BUFFERS) of the statements the API runs (OrganizationSearch, first: 20)'];
  for (const r of explained) {
    for (const [key, statements] of Object.entries(r.explain)) {
      for (const s of statements) {
        out.push('', `#### ${key} at ${count(r.size)}: ${s.statement}`, '', '```sql', s.sql, `-- parameters: ${JSON.stringify(s.params)}`, '```', '', '```', s.plan, '```');
      }
    }
  }
  return out;
}

export function report(info, results, options) {
  const out = header(info, results, options);
  for (const r of results) {
    out.push('', `### ${count(r.size)} organizations (${count(r.services)} services, ${count(r.locations)} sites)`, '');
    out.push(`Load average (1/5/15 min): ${r.loadAverage.start.join(' / ')} at the start of this size, ${r.loadAverage.end?.join(' / ')} at its end.`, '');
    out.push(...scenarioTable(r.rows), ...pageSummary(r), ...hsdsLine(r));
    out.push('', `API peak RSS over the page and the searches (coverage included): ${fmt(r.apiPeakRssMb, 0)} MB; the export and the load test run on a fresh API process.`);
    out.push(...loadTable(r, options));
  }
  out.push(...growthTable(results), ...explainSection(results));
  return out.join('\n');
}
