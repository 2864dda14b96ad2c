import fs from 'node:fs';
import { importHsds, readNdjson } from '../../imports/hsds-import';
import { messageOnly, runCommand, withRuntime } from './command';

/**
 * npm run import:hsds -w @civimap/api -- FILE.ndjson [--commit]
 *
 * FILE holds HSDS 3.0 organization objects, one per line (as /hsds/organizations?full_service=true&format=ndjson
 * gives them). Without --commit: a dry run that prints the report per line and writes nothing. With
 * --commit: every valid organization is written in one transaction (all of them or none).
 */
async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--commit');
  if (!file || unknown.length) throw new Error('usage: npm run import:hsds -w @civimap/api -- FILE.ndjson [--commit]');
  const lines = readNdjson(fs.readFileSync(file, 'utf8'));
  await withRuntime({ demo: 'off' }, async (runtime) => {
    const commit = args.includes('--commit');
    const report = await importHsds(runtime.orm.em.fork(), lines, {
      dryRun: !commit,
      onProgress: (done, total) => void process.stdout.write(`\rwritten ${done}/${total} organizations`),
    });
    if (commit) process.stdout.write('\n');
    for (const row of report.rows) {
      for (const e of row.errors) console.log(`line ${row.line}, ${e.path || '(record)'}: ${e.code}: ${e.message}`);
      for (const w of row.warnings) console.log(`line ${row.line}, ${w.path || '(record)'}: warning ${w.code}: ${w.message}`);
    }
    const { total, valid, invalid, duplicates } = report.summary;
    console.log(`organizations: ${total}, valid: ${valid}, invalid: ${invalid}, duplicates: ${duplicates}`);
    const w = report.written;
    const what = `${w.organizations} organizations, ${w.services} services, ${w.locations} locations, ${w.serviceAtLocations} service-at-locations, ${w.revisions} change-log entries`;
    console.log(report.committed ? `imported ${what}` : `dry run: nothing written; --commit would write ${what}`);
  });
}

runCommand(main, messageOnly);
