// The app as `npm start` runs it (runtime + HTTP server on a free port), for the test files that
// speak HTTP to it: one way to start it and one order to stop it (the server drains, then the pool).
import pino from 'pino';
import type { AppConfig } from '../../src/core/config';
import { createRuntime, type Runtime } from '../../src/app/runtime';
import { type RunningServer, startServer } from '../../src/app/server';

export async function serveApp(config: AppConfig): Promise<{ runtime: Runtime; server: RunningServer }> {
  const runtime = await createRuntime({ config, logger: pino({ level: 'silent' }) });
  return { runtime, server: await startServer(runtime) };
}

export async function stopApp(app: { runtime?: Runtime; server?: RunningServer }): Promise<void> {
  await app.server?.close();
  await app.runtime?.close();
}
