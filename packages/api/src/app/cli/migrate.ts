import { runCommand, withRuntime } from './command';

/** Applies pending migrations (the server also does this at startup; production runs it once as a job). */
async function main() {
  await withRuntime({ seedReference: false, demo: 'off' }, async (runtime) => {
    const executed = await runtime.orm.getMigrator().getExecutedMigrations();
    console.log(`database is at migration ${executed.at(-1)?.name ?? '(none)'} (${executed.length} applied)`);
  });
}

runCommand(main);
