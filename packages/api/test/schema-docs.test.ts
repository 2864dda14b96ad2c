import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { printCivimapSchema } from '../src/app/schema';

const run = promisify(execFile);
const packageDir = path.join(__dirname, '..');
const linter = path.join(require.resolve('graphql-schema-linter/package.json'), '..', 'lib', 'cli.js');

/** graphql-schema-linter with the rules of package.json ("graphql-schema-linter": descriptions and Relay). */
async function lint(cwd: string, schemaFile: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [linter, '--format', 'compact', schemaFile], { cwd });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('the GraphQL documentation (graphql-schema-linter)', () => {
  it('describes every type, field, argument, enum value and input field, and follows the Relay connection spec', async () => {
    const result = await lint(packageDir, 'schema.graphql');
    expect(result.output).not.toMatch(/missing a description|should be capitalized|relay/i);
    expect(result.code).toBe(0);
  });

  it('fails on an undescribed field or a connection that breaks the Relay rules (the rules are on)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-lint-'));
    const config = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))['graphql-schema-linter'];
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', 'graphql-schema-linter': config }));
    const sdl = (await printCivimapSchema()).replace(/"""The organization's sites\."""\n\s*locations/, 'locations');
    fs.writeFileSync(path.join(dir, 'schema.graphql'), `${sdl}\n"""A list."""\ntype BrokenConnection {\n  """Items."""\n  items: [String!]!\n}\n`);
    const result = await lint(dir, 'schema.graphql');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('The field `Organization.locations` is missing a description.');
    expect(result.output).toMatch(/BrokenConnection/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('states units and the exact rules where they exist', async () => {
    const sdl = await printCivimapSchema();
    expect(sdl).toMatch(/Providers per 10,000 inhabitants: providers × 10,000/);
    expect(sdl).toMatch(/ACTIVE and VERIFIED, with an ACTIVE service in the category \(or below it\)/);
    expect(sdl).toMatch(/Kilometres from the seat/);
    expect(sdl).toMatch(/in EUR/);
  });
});
