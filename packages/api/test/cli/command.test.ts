import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isUsageError } from '../../src/app/cli/command';

const run = promisify(execFile);
const dist = path.resolve(__dirname, '../../dist/app/cli');

describe('command-line usage errors', () => {
  it('tells an unknown option (parseArgs) from any other failure', () => {
    let thrown: unknown;
    try {
      parseArgs({ args: ['--nope'], options: { role: { type: 'string' } }, strict: true });
    } catch (error) {
      thrown = error;
    }
    expect(isUsageError(thrown)).toBe(true);
    expect(isUsageError(new Error('connection refused'))).toBe(false);
    expect(isUsageError(null)).toBe(false);
  });

  it('user:create with an unknown option prints what is wrong and the usage, not a stack trace, and fails', async () => {
    const failure = await run(process.execPath, [path.join(dist, 'user-create.js'), '--help'], { env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("user:create: Unknown option '--help'");
    expect(failure?.stderr).toContain('usage: npm run user:create -- --role');
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });
});
