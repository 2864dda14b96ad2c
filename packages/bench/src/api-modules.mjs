// The civimap API's compiled modules (packages/api/dist, built by `npm run build -w @civimap/api`).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const apiDist = path.join(repoRoot, 'packages', 'api', 'dist');
if (!fs.existsSync(path.join(apiDist, 'main.js'))) {
  throw new Error('packages/api/dist is missing: run `npm run build -w @civimap/api` first (npm run bench does).');
}
const require = createRequire(path.join(apiDist, 'main.js'));
require('reflect-metadata');

export const api = {
  config: require('./core/config.js'),
  database: require('./app/db/database.js'),
  embedded: require('./app/db/embedded-postgres.js'),
  runtime: require('./app/runtime.js'),
  demo: require('./demo/demo-generator.js'),
  orm: require('./app/db/orm.js'),
  reference: require('./reference/reference-catalog.js'),
  search: require('./organizations/organization-search.js'),
  inputs: require('./organizations/organization.inputs.js'),
};
