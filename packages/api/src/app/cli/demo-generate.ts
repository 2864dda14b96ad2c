import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config';
import { countOrganizations, deleteDemoData } from '../../demo/demo-cleanup';
import { generateDemoData } from '../../demo/demo-generator';
import { generateDemoSurveys } from '../../demo/demo-surveys';
import { isUsageError, runCommand, withRuntime } from './command';

const USAGE = `Usage: npm run demo:generate -- [--organizations N] [--seed N] [--replace] [--force]

Adds N fictional organizations (default DEMO_ORGANIZATIONS or 300), with sites, services, licences and
contracts, all marked as demo data. The same seed and count always give the same data.

  --organizations N  how many organizations to generate
  --seed N           seed of the generator (default DEMO_SEED or 20241)
  --replace          first delete every existing demo record
  --force            allow demo data beside real organizations
  --batch-size N     organizations per transaction (default 1000)
  --surveys          also add the two demo survey waves (2022, 2024), answered by a share of them`;

class UsageError extends Error {}

function nonNegativeInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

async function main() {
  const { values } = parseArgs({
    options: {
      organizations: { type: 'string', short: 'n' },
      seed: { type: 'string' },
      replace: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      surveys: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const organizations = nonNegativeInteger(values.organizations, '--organizations', config.demoOrganizations);
  const seed = nonNegativeInteger(values.seed, '--seed', config.demoSeed);
  if (seed > 0xffff_ffff) throw new UsageError(`--seed must be at most ${0xffff_ffff}`);
  const batchSize = nonNegativeInteger(values['batch-size'], '--batch-size', 1000);
  if (batchSize < 1) throw new UsageError('--batch-size must be at least 1');

  await withRuntime({ config, demo: 'off' }, async (runtime) => {
    const em = runtime.orm.em.fork();
    const existing = await countOrganizations(em);
    // Demo and real records must never be mixed by accident (design, section 6).
    if (existing.real > 0 && !values.force) {
      throw new UsageError(`the registry holds ${existing.real} real organizations; refusing to add demo data beside them (pass --force to do it anyway)`);
    }
    if (existing.demo > 0 && !values.replace) {
      throw new UsageError(`the registry already holds ${existing.demo} demo organizations; pass --replace to regenerate them`);
    }
    if (values.replace && existing.demo > 0) {
      const started = performance.now();
      const deleted = await deleteDemoData(em);
      console.log(`deleted demo data in ${((performance.now() - started) / 1000).toFixed(1)} s:`, deleted);
    }

    const started = performance.now();
    let reported = 0;
    const result = await generateDemoData(em, {
      organizations,
      seed,
      batchSize,
      onProgress: (done, total) => {
        // One line per tenth for large runs: enough to see it move, not enough to slow it down.
        if (done === total || done - reported >= Math.max(batchSize, total / 10)) {
          reported = done;
          console.log(`  ${done}/${total} organizations`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (values.surveys) console.log(`demo survey responses: ${await generateDemoSurveys(em, seed)}`);
    console.log(`generated demo data (seed ${seed}) in ${seconds.toFixed(1)} s, ${Math.round(result.organizations / Math.max(seconds, 1e-3))} organizations/s:`, result);
  });
}

// A wrong argument prints the usage; anything else the error itself.
runCommand(main, (error) =>
  error instanceof UsageError || isUsageError(error) ? `demo:generate: ${(error as Error).message}\n\n${USAGE}` : error,
);
