import { runCommand, withRuntime } from './command';

/** Writes a migration for the difference between the entities and the database (developers only). */
async function main() {
  await withRuntime({ migrate: true, seedReference: false, demo: 'off' }, async (runtime) => {
    const result = await runtime.orm.getMigrator().createMigration(undefined, false, process.argv.includes('--initial'));
    console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
    if (result.code) console.log(result.code);
  });
}

runCommand(main);
