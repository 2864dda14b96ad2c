import { createRuntime } from '../runtime';

/** Applies pending migrations (the server also does this at startup; production runs it once as a job). */
async function main() {
  const runtime = await createRuntime({ seedReference: false, demo: 'off' });
  const executed = await runtime.orm.getMigrator().getExecutedMigrations();
  console.log(`database is at migration ${executed.at(-1)?.name ?? '(none)'} (${executed.length} applied)`);
  await runtime.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
