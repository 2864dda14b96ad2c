import 'reflect-metadata';
import { loadConfig, productionProblems } from './core/config';
import { createRuntime } from './app/runtime';
import { startServer } from './app/server';

async function main() {
  const config = loadConfig();
  const problems = productionProblems(config);
  if (problems.length) {
    console.error(`civimap refuses to start in production:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  const runtime = await createRuntime({ config });
  const server = await startServer(runtime);
  runtime.logger.info({ url: server.url }, `civimap is running: web app at ${server.url}/ , GraphQL and GraphiQL at ${server.url}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down: draining requests in flight');
    const force = setTimeout(() => {
      runtime.logger.error('requests did not drain within 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await server.close();
      await runtime.close();
      process.exit(0);
    } catch (error) {
      runtime.logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error('civimap failed to start:', error);
  process.exit(1);
});
