import { createRuntime } from '../runtime';

/** Writes a migration for the difference between the entities and the database (developers only). */
async function main() {
  const runtime = await createRuntime({ migrate: true, seedReference: false, demo: 'off' });
  try {
    const result = await runtime.orm.getMigrator().createMigration(undefined, false, process.argv.includes('--initial'));
    console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
    if (result.code) console.log(result.code);
  } finally {
    await runtime.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
