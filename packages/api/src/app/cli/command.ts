import { createRuntime, type Runtime, type RuntimeOptions } from '../runtime';

/** What a failed command prints of its error: by default the error itself, with its stack. */
export type ErrorReport = (error: unknown) => unknown;

/** For commands whose failures are the user's to fix (a missing file, a bad argument): the message alone. */
export const messageOnly: ErrorReport = (error) => (error instanceof Error ? error.message : error);

/** An option the command does not take, or a value it cannot read (node:util parseArgs): the user's to fix, answered with the usage. */
export const isUsageError = (error: unknown) => Boolean((error as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS'));

/** Runs a command-line entry point: a failure is printed and the process exits with status 1. */
export function runCommand(main: () => Promise<void>, report: ErrorReport = (error) => error): void {
  main().catch((error: unknown) => {
    console.error(report(error));
    process.exit(1);
  });
}

/** Opens the runtime (database, migrations, seeds as asked) for a command and closes it however the command ends. */
export async function withRuntime<T>(options: RuntimeOptions, command: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await createRuntime(options);
  try {
    return await command(runtime);
  } finally {
    await runtime.close();
  }
}
