// Benchmark of the survey results (issue 15): a wave answered by N generated organizations (default
// 10,000), results grouped by municipality × category through the GraphQL API. Cold: the wave's
// results generation is bumped before each request, so every request computes from the responses;
// warm: the cached results of this generation. Prints a Markdown table; never fails.
//
//   npm run bench:survey -w @civimap/bench [-- --organizations 10000 --runs 15]
//
// DATABASE_URL names a server (a database civimap_bench_survey_N is made on it); unset, an embedded
// PostgreSQL runs with its data under /tmp/civimap-bench-survey-N on BENCH_PG_PORT (default 55480).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { api, apiDist } from './api-modules.mjs';

const require = createRequire(path.join(apiDist, 'main.js'));
const surveys = require('./demo/demo-surveys.js');
const roster = require('./surveys/roster.js');
const server = require('./app/server.js');
const { DemoRandom } = require('./demo/demo-random.js');

const { values } = parseArgs({ options: { organizations: { type: 'string', default: '10000' }, runs: { type: 'string', default: '15' } } });
const size = Number(values.organizations);
const runs = Number(values.runs);
const log = (...args) => console.error(`[bench:survey] ${args.join(' ')}`);

async function database() {
  if (process.env.DATABASE_URL) {
    const url = api.database.withDatabase(process.env.DATABASE_URL, `civimap_bench_survey_${size}`);
    return { url, stop: async () => {} };
  }
  const pg = await api.embedded.startEmbeddedPostgres({ dataDir: `/tmp/civimap-bench-survey-${size}`, port: Number(process.env.BENCH_PG_PORT || 55480) });
  return { url: pg.url('civimap'), stop: () => pg.stop() };
}

/** One open wave asking every organization, every one of them answering (plausible demo answers). */
async function prepare(runtime) {
  const em = runtime.orm.em.fork();
  const [{ n }] = await em.execute(`select count(*)::int as n from survey_response r join survey_wave w on w.id = r.wave_id where w.year = 2099`);
  if (n >= size) return (await em.execute(`select id from survey_wave where year = 2099`))[0].id;
  // Some generated organizations are inactive or closed: generate until `size` active ones answer.
  let facts = await surveys.demoFacts(em);
  for (let round = 0; facts.length < size; round++) {
    const started = performance.now();
    const [{ orgs }] = await em.execute(`select count(*)::int as orgs from organization`);
    await api.demo.generateDemoData(em, { organizations: Math.ceil((size - facts.length) * 1.15), seed: 20241 + orgs });
    log(`generated organizations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    facts = await surveys.demoFacts(em);
  }
  facts = facts.slice(0, size);
  const r = new DemoRandom(99);
  return em.transactional(async (tx) => {
    const [{ id }] = await tx.execute(
      `insert into survey_wave (id, year, title_sq, questionnaire_version, opens_on, closes_on, is_demo) values (gen_random_uuid(), 2099, 'Bench', '2024.1', '2099-01-01', '2099-12-31', true) returning id`,
    );
    await roster.inviteRoster(tx, id, { organizationIds: facts.map((f) => f.id) });
    const responses = facts.map((f) => {
      const answers = surveys.answersFor(r, f, 2024, undefined);
      return { wave_id: id, organization_id: f.id, answers, budget_band: answers.budget_band };
    });
    await tx.execute(
      `insert into survey_response (id, wave_id, organization_id, status, answers, budget_band, submitted_at)
       select gen_random_uuid(), x.wave_id, x.organization_id, 'SUBMITTED', x.answers, x.budget_band, now() from jsonb_to_recordset(?::jsonb) as x(wave_id uuid, organization_id uuid, answers jsonb, budget_band text)`,
      [JSON.stringify(responses)],
    );
    await tx.execute(`update survey_wave set results_generation = 1 where id = ?`, [id]);
    log(`wave ${id}: ${responses.length} responses`);
    return id;
  });
}

const QUERIES = {
  'every figure of every question': `query($w: ID!) { surveyResults(wave: $w, groupBy: [MUNICIPALITY, CATEGORY]) { total { respondents } cells { key { code } respondents suppressed figures { question answered sum mean median options { code count share } } } } }`,
  'respondents only': `query($w: ID!) { surveyResults(wave: $w, groupBy: [MUNICIPALITY, CATEGORY]) { cells { key { code } respondents suppressed } } }`,
};

const results = require('./surveys/results.service.js');
const { loadReferenceCatalog } = require('./reference/reference-catalog.js');

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main() {
  const db = await database();
  await api.database.ensureDatabase(db.url);
  const config = api.config.loadConfig({ ...process.env, DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'off', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', WEB_DIST: '/nonexistent' });
  const runtime = await api.runtime.createRuntime({ config, demo: 'off', migrate: true, seedReference: true });
  const running = await server.startServer(runtime);
  try {
    const waveId = await prepare(runtime);
    const [{ cells }] = await runtime.orm.em.fork().execute(
      `select count(distinct (i.municipality_code, c))::int as cells from survey_invitation i, unnest(i.category_codes) c where i.wave_id = ?`,
      [waveId],
    );
    const ask = async (query) => {
      const started = performance.now();
      const res = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: JSON.stringify({ query, variables: { w: waveId } }) });
      const body = await res.text();
      const ms = performance.now() - started;
      if (!res.ok || body.includes('"errors"')) throw new Error(`query failed: ${body.slice(0, 300)}`);
      return { ms, bytes: body.length };
    };
    // Results of an open wave are for moderators; the bench closes its own wave so the public query reads them.
    await runtime.orm.em.fork().execute(`update survey_wave set closed_at = now() where id = ?`, [waveId]);
    const rows = [];
    for (const [name, query] of Object.entries(QUERIES)) {
      await ask(query); // warm the process (JIT, catalog)
      const cold = [];
      for (let i = 0; i < runs; i++) {
        await runtime.orm.em.fork().execute(`update survey_wave set results_generation = results_generation + 1 where id = ?`, [waveId]);
        cold.push((await ask(query)).ms);
      }
      const warm = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const r = await ask(query);
        warm.push(r.ms);
        bytes = r.bytes;
      }
      rows.push({ name, cold, warm, bytes });
    }
    // What closing a wave does: every usual breakdown computed and stored once.
    await runtime.orm.em.fork().execute(`update survey_wave set results_generation = results_generation + 1 where id = ?`, [waveId]);
    const [wave] = await runtime.orm.em.fork().find('SurveyWave', { id: waveId });
    const started = performance.now();
    await results.precomputeResults(runtime.orm.em.fork(), await loadReferenceCatalog(runtime.orm.em.fork()), wave, config.surveyMinCell);
    const precomputeMs = performance.now() - started;
    const after = [];
    for (let i = 0; i < runs; i++) after.push((await ask(QUERIES['every figure of every question'])).ms);
    rows.push({ name: 'figures, after the close precomputed them', cold: [NaN], warm: after, bytes: 0, precomputeMs });
    const [load] = os.loadavg();
    console.log(`\n### Survey results, ${size.toLocaleString('en')} responding organizations, municipality × category (${cells} cells)\n`);
    console.log(`${runs} requests each over HTTP, one at a time; load average ${load.toFixed(1)} on ${os.cpus().length} cores.\n`);
    console.log('| query | cold p50 ms | cold p95 ms | cached p50 ms | cached p95 ms | response KB |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.name}${r.precomputeMs ? ` (precompute of 8 breakdowns: ${(r.precomputeMs / 1000).toFixed(1)} s)` : ''} | ${quantile(r.cold, 0.5).toFixed(0)} | ${quantile(r.cold, 0.95).toFixed(0)} | ${quantile(r.warm, 0.5).toFixed(0)} | ${quantile(r.warm, 0.95).toFixed(0)} | ${(r.bytes / 1024).toFixed(0)} |`);
    }
  } finally {
    await running.close();
    await runtime.close();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
