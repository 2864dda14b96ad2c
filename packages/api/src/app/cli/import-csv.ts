import fs from 'node:fs';
import { csvTemplate } from '../../imports/csv-columns';
import { messageOnly, runCommand, withRuntime } from './command';
import { runCsvImportCommand } from './csv-import-command';

/**
 * npm run import:csv -- FILE.csv [--commit]   validate (dry run), or write all valid rows in one transaction
 * npm run import:csv -- --template            print the template
 */
async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--template')) return void process.stdout.write(csvTemplate());
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run import:csv -- FILE.csv [--commit] | --template');
  await withRuntime({ demo: 'off' }, async (runtime) => {
    await runCsvImportCommand(runtime.orm.em.fork(), fs.readFileSync(file, 'utf8'), {
      commit: args.includes('--commit'),
      print: (line) => console.log(line),
      progress: (done, total) => void process.stdout.write(`\rwritten ${done}/${total}${done === total ? '\n' : ''}`),
    });
  });
}

runCommand(main, messageOnly);
