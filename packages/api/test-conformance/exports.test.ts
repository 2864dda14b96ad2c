import { parse } from 'csv-parse/sync';
// The Frictionless Data reference library: it validates a descriptor against the official Data Package
// and Table Schema profiles it ships, and casts every row of a table against its Table Schema.
import { Package, Resource } from 'datapackage';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config';
import { createRuntime, type Runtime } from '../src/app/runtime';
import { type RunningServer, startServer } from '../src/app/server';
import { generateDemoData } from '../src/demo/demo-generator';
import { UserRole } from '../src/users/user.enums';
import { createAccount } from '../test/support/accounts';
import { createOrganizations } from '../test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';

/**
 * Every CSV export parses with csv-parse in its strict mode (no comment lines, no relaxed quotes,
 * same column count in every row) after a UTF-8 byte-order mark, with CRLF line ends and no live
 * formula; the data package validates against the Frictionless profiles, its field lists equal the
 * CSV headers, and every row of every file casts to its Table Schema.
 */
const PUBLIC_URL = 'https://civimap.example.org';
let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;
let shortlistCsv: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await generateDemoData(db.orm.em.fork(), { organizations: 40, seed: 7 });
  const [formula] = await createOrganizations(db.orm.em.fork(), [
    {
      sq: '=HYPERLINK("http://x","y")',
      en: '@SUM(A1)',
      sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }],
      services: [{ name: '+cmd|" /C calc"!A0', categories: ['counselling.family'], area: ['prishtine'], atSites: [0] }],
    },
  ]);
  await db.orm.em.fork().execute(`update organization set phone = '+383 44 123 456', acronym = '-2+3' where id = ?`, [formula.id]);
  runtime = await createRuntime({
    config: loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', PUBLIC_URL }),
    logger: pino({ level: 'silent' }),
  });
  server = await startServer(runtime);
  const officer = await createAccount(db.orm.em, { email: 'officer@example.org', role: UserRole.AUTHORITY_OFFICER });
  const created = await (
    await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.token}` },
      body: JSON.stringify({
        query: 'mutation($input: CreateShortlistInput!) { createShortlist(input: $input) { shortlist { csvUrl } userErrors { message } } }',
        variables: { input: { name: 'Lista', entries: [{ organization: formula.id, note: '=1+1' }] } },
      }),
    })
  ).json();
  expect(created.data.createShortlist.userErrors).toEqual([]);
  const res = await fetch(`${server.url}${created.data.createShortlist.shortlist.csvUrl}`, { headers: { authorization: `Bearer ${officer.token}` } });
  shortlistCsv = decode(await res.arrayBuffer());
}, 300_000);
afterAll(async () => {
  await server?.close();
  await runtime?.close();
  await db?.close();
});

const decode = (bytes: ArrayBuffer) => new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
const local = (publicPath: string) => publicPath.replace(PUBLIC_URL, server.url);
async function download(path: string): Promise<string> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toMatch(/^text\/csv; charset=utf-8/);
  return decode(await res.arrayBuffer());
}

/** RFC 4180 as strictly as csv-parse checks it; returns the header and the records. */
function strictCsv(text: string, name: string): { header: string[]; records: string[][] } {
  expect(text.charCodeAt(0), `${name}: UTF-8 byte-order mark`).toBe(0xfeff);
  expect(text.endsWith('\r\n'), `${name}: ends with CRLF`).toBe(true);
  const records = parse(text, { bom: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false, record_delimiter: '\r\n' }) as string[][];
  const [header, ...rows] = records;
  expect(header.every((h) => /^[a-z][a-z0-9_]*$/.test(h)), `${name}: header row first`).toBe(true);
  for (const row of rows) {
    for (const cell of row) {
      // A formula-like start is allowed only for plain numbers and phone numbers.
      if (/^[=+\-@\t\r]/.test(cell)) expect(cell, `${name}: live formula`).toMatch(/^[+-]?[0-9 ().\/-]*[0-9][0-9 ().\/-]*$/);
    }
  }
  return { header, records: rows };
}

describe('CSV exports: strict RFC 4180, no live formula', () => {
  it.each(['organizations.csv', 'services.csv', 'locations.csv', 'coverage.csv'])('%s', async (file) => {
    const { records } = strictCsv(await download(`/export/${file}`), file);
    expect(records.length).toBeGreaterThan(0);
  });

  it('the shortlist CSV', () => {
    const { header, records } = strictCsv(shortlistCsv, 'shortlist');
    const row = Object.fromEntries(header.map((h, i) => [h, records[0][i]]));
    expect(row).toMatchObject({ name_sq: `'=HYPERLINK("http://x","y")`, note: "'=1+1", phone: '+383 44 123 456' });
  });

  it('formula cells are neutralised and phone numbers left as they are', async () => {
    const { header, records } = strictCsv(await download('/export/organizations.csv'), 'organizations');
    const row = records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))).find((r) => r.name_en === "'@SUM(A1)")!;
    expect(row).toMatchObject({ name_sq: `'=HYPERLINK("http://x","y")`, phone: '+383 44 123 456', acronym: "'-2+3" });
    const services = strictCsv(await download('/export/services.csv'), 'services');
    expect(services.records.flat()).toContain(`'+cmd|" /C calc"!A0`);
  });
});

describe('Frictionless Data Package', () => {
  it('validates against the Tabular Data Package profile, and each resource against Tabular Data Resource and Table Schema', async () => {
    const descriptor = await (await fetch(`${server.url}/export/datapackage.json`)).json();
    const pkg = await Package.load(descriptor);
    expect(pkg.errors.map((e: Error) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.resources.map((r: any) => r.name)).toEqual(expect.arrayContaining(['organizations', 'services', 'locations', 'coverage']));
    for (const resource of pkg.resources) expect(resource.valid, resource.name).toBe(true);
  });

  it('each field list equals its CSV header, and every row casts to the Table Schema (types, constraints, primary key)', async () => {
    const descriptor = await (await fetch(`${server.url}/export/datapackage.json`)).json();
    // The resources this suite has data for; other modules' resources (e.g. survey results) are checked by their own suites.
    for (const resource of descriptor.resources.filter((r: any) => ['organizations', 'services', 'locations', 'coverage'].includes(r.name))) {
      expect(resource.path.startsWith(`${PUBLIC_URL}/export/`), resource.name).toBe(true);
      const res = await fetch(local(resource.path));
      const text = decode(await res.arrayBuffer());
      // The package's paths ask for no byte-order mark (bom=0), for data tools.
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      const [header, ...rows] = parse(text, { relax_quotes: false, relax_column_count: false }) as string[][];
      expect(resource.schema.fields.map((f: any) => f.name), resource.name).toEqual(header);
      const { path: _remote, ...inline } = resource;
      const loaded = await Resource.load({ ...inline, data: [header, ...rows] });
      expect(loaded.errors.map((e: Error) => e.message), resource.name).toEqual([]);
      let cast: unknown[][];
      try {
        cast = await loaded.read();
      } catch (error) {
        const errors = (error as { errors?: Error[] }).errors ?? [error as Error];
        throw new Error(`${resource.name}: ${errors.slice(0, 5).map((e) => e.message).join('; ')}`);
      }
      expect(cast.length, resource.name).toBe(rows.length);
      expect(rows.length, resource.name).toBeGreaterThan(0);
    }
  });
});
