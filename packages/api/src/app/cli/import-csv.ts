import fs from 'node:fs';
import { csvTemplate } from '../../imports/csv-columns';
import { commitCsvImport, prepareCsvImport } from '../../imports/csv-import';
import { loadReferenceCatalog } from '../../reference/reference-catalog';
import { createRuntime } from '../runtime';

/**
 * npm run import:csv -- FILE.csv [--commit]   validate (dry run), or write all valid rows in one transaction
 * npm run import:csv -- --template            print the template
 */
async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--template')) return void process.stdout.write(csvTemplate());
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run import:csv -- FILE.csv [--commit] | --template');
  const runtime = await createRuntime({ demo: 'off' });
  try {
    const em = runtime.orm.em.fork();
    const prepared = await prepareCsvImport(em, await loadReferenceCatalog(em), fs.readFileSync(file, 'utf8'));
    const { report } = prepared;
    for (const e of report.fileErrors) console.log(`file: ${e.column ?? ''} ${e.code}: ${e.message}`);
    for (const row of report.rows.filter((r) => r.status !== 'valid')) {
      for (const e of row.errors) console.log(`line ${row.line}, ${e.column ?? '(row)'}: ${e.code}: ${e.message}`);
    }
    console.log(`rows: ${report.summary.total}, valid: ${report.summary.valid}, invalid: ${report.summary.invalid}, duplicates: ${report.summary.duplicates}`);
    if (!args.includes('--commit')) return void console.log('dry run: nothing written (add --commit to write the valid rows)');
    if (report.fileErrors.length) throw new Error('the file has errors; nothing written');
    await commitCsvImport(runtime.orm.em.fork(), prepared, { onProgress: (done, total) => process.stdout.write(`\rwritten ${done}/${total}`) });
    console.log(`\nimported ${prepared.rows.length} organizations`);
  } finally {
    await runtime.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
