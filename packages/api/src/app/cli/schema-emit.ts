import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../core/config';
import { printCivimapSchema } from '../schema';
import { runCommand } from './command';

/** Writes the SDL that clients and the drift test compare against. */
async function main() {
  const file = path.join(packageRoot, 'schema.graphql');
  fs.writeFileSync(file, await printCivimapSchema());
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

runCommand(main);
