import { parse } from 'csv-parse/sync';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import { csvCell, csvText, neutraliseCell } from '../../src/core/csv';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { COVERAGE_FIELDS, LOCATION_FIELDS, ORGANIZATION_FIELDS, SERVICE_FIELDS } from '../../src/exports/export-fields';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { serveApp, stopApp } from '../support/served-app';

describe('formula neutralisation (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+SUM(1,2)', `'+SUM(1,2)`],
    ['-SUM(1,2)', `'-SUM(1,2)`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['=1+1', `'=1+1`],
    ['-2+3*cmd|\' /C calc\'!A0', `'-2+3*cmd|' /C calc'!A0`],
    ['+383 44 =1', `'+383 44 =1`],
    ['-', `'-`],
  ])('%j becomes %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each([
    '+383 44 123 456',
    '+383 (0)38 222-333',
    '+383-44-123-456',
    '-12.5',
    '+7',
    '-0.000123',
    '2024-12-15',
    'Shoqata "Drita"',
    'a=b',
    'name@example.org',
    'Prishtinë – Fushë Kosovë',
    '',
  ])('%j is a real value and stays exactly as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value);
    expect(csvCell(value)).toBe(value);
  });

  it('numbers, booleans and dates are never touched; lists are joined with ";"', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
    expect(csvCell(['a', 'b'])).toBe('a;b');
    expect(csvCell(null)).toBe('');
  });

  it('csvText writes RFC 4180: BOM, header first, CRLF, quotes doubled, line breaks quoted', () => {
    const text = csvText(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', '=1']]);
    expect(text).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\'=1\r\n');
    expect(csvText(['a'], [], { bom: false })).toBe('a\r\n');
    expect(parse(text, { columns: true, bom: true })).toEqual([{ a: 'x,y', b: 'say "hi"' }, { a: 'line\nbreak', b: "'=1" }]);
  });
});

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;
const PUBLIC_URL = 'https://civimap.example.org';

beforeAll(async () => {
  db = await createTestDatabase();
  const [formula] = await createOrganizations(db.orm.em.fork(), [
    {
      sq: '=HYPERLINK("http://x","y")',
      en: '+SUM(1,2)',
      acronym: '@SUM(A1)',
      sites: [{ municipality: 'gjakove', lat: 42.38, lng: 20.43 }],
      services: [{ name: '-1+cmd', categories: ['counselling.family'], area: ['gjakove'], atSites: [0] }],
    },
    { sq: 'Qendra Çështje Žene', en: 'Ženski centar – Gjakovë', sites: [{ municipality: 'gjakove', lat: 42.39, lng: 20.44 }] },
  ]);
  await db.orm.em.fork().execute(`update organization set phone = '+383 44 123 456', email = '-x@example.org' where id = ?`, [formula.id]);
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', PUBLIC_URL });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

const text = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, path).toBe(200);
  // Response.text() would drop the byte-order mark: decode keeping it.
  return { res, body: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()) };
};
const strict = (body: string) => parse(body, { columns: true, bom: true }) as Record<string, string>[];

describe('CSV exports', () => {
  it('neutralise formula cells and leave phone numbers unchanged, in UTF-8 with a BOM', async () => {
    const { body } = await text('/export/organizations.csv');
    const rows = strict(body);
    const row = rows.find((r) => r.acronym === "'@SUM(A1)")!;
    expect(row).toMatchObject({ name_sq: `'=HYPERLINK("http://x","y")`, name_en: "'+SUM(1,2)", phone: '+383 44 123 456', email: "'-x@example.org" });
    expect(rows.map((r) => r.name_sq)).toContain('Qendra Çështje Žene');
    expect(Buffer.from(body, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const services = strict((await text('/export/services.csv')).body);
    expect(services[0]).toMatchObject({ name_sq: "'-1+cmd", organization_name: `'=HYPERLINK("http://x","y")` });
  });

  it('?bom=0 leaves the byte-order mark out', async () => {
    const { body } = await text('/export/locations.csv?bom=0');
    expect(body.startsWith('id,organization_id,')).toBe(true);
    expect(strict(body)).toHaveLength(2);
  });

  it('every CSV header equals its Table Schema field list', async () => {
    for (const [file, fields] of [['organizations', ORGANIZATION_FIELDS], ['services', SERVICE_FIELDS], ['locations', LOCATION_FIELDS], ['coverage', COVERAGE_FIELDS]] as const) {
      const { body } = await text(`/export/${file}.csv`);
      expect(body.slice(1).split('\r\n')[0], file).toBe(fields.map((f) => f.name).join(','));
    }
  });

  it('coverage.csv holds every cell the coverage query gives, with every figure', async () => {
    const filter = { categories: ['counselling'], regions: ['gjakove'] };
    const { res, body } = await text(`/export/coverage.csv?filter=${encodeURIComponent(JSON.stringify(filter))}&lang=en`);
    expect(res.headers.get('content-disposition')).toMatch(/filename="civimap-coverage-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.headers.get('link')).toContain(`<${PUBLIC_URL}/export/datapackage.json?coverage=${encodeURIComponent(JSON.stringify(filter))}>; rel="describedby"`);
    const rows = strict(body);
    const gql = await (
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($f: CoverageFilter) { coverage(filter: $f) { cells { municipality { code } category { code } providers sites providersPer10k nearestSiteKm } } }', variables: { f: filter } }),
      })
    ).json();
    const cells = gql.data.coverage.cells;
    expect(rows).toHaveLength(cells.length);
    expect(cells.length).toBeGreaterThan(1);
    for (const [i, cell] of cells.entries()) {
      const row = rows[i];
      expect([row.municipality, row.category, Number(row.providers), Number(row.sites)]).toEqual([cell.municipality.code, cell.category.code, cell.providers, cell.sites]);
      expect(Number(row.providers_per_10k)).toBeCloseTo(cell.providersPer10k, 4);
      expect(row.nearest_site_km === '' ? null : Number(row.nearest_site_km)).toBeCloseTo(cell.nearestSiteKm ?? NaN, 3);
      expect(row.gap).toBe(String(cell.providers === 0));
    }
    const gjakove = rows.find((r) => r.municipality === 'gjakove')!;
    expect(gjakove).toMatchObject({ providers: '1', gap: 'false', category_name: expect.stringMatching(/counselling/i) });
    for (const bad of ['{"colour":1}', '{"categories":["nope"]}', '{"regions":"x"}']) {
      expect((await fetch(`${server.url}/export/coverage.csv?filter=${encodeURIComponent(bad)}`)).status, bad).toBe(400);
    }
    expect((await fetch(`${server.url}/export/coverage.csv?lang=de`)).status).toBe(400);
  });

  it('datapackage.json describes every CSV with its Table Schema, licence, sources and the filter', async () => {
    const filter = { municipalities: ['gjakove'] };
    const pkg = await (await fetch(`${server.url}/export/datapackage.json?filter=${encodeURIComponent(JSON.stringify(filter))}`)).json();
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.licenses[0]).toMatchObject({ path: 'https://creativecommons.org/licenses/by/4.0/', title: 'CC BY 4.0' });
    expect(pkg.civimap).toMatchObject({ filter, includesDemo: false });
    expect(pkg.resources.map((r: any) => r.name)).toEqual(['organizations', 'services', 'locations', 'coverage', 'survey-results']);
    const organizations = pkg.resources[0];
    expect(organizations.path).toBe(`${PUBLIC_URL}/export/organizations.csv?filter=${encodeURIComponent(JSON.stringify(filter))}&bom=0`);
    const header = (await text(new URL(organizations.path).pathname + new URL(organizations.path).search)).body.split('\r\n')[0];
    expect(organizations.schema.fields.map((f: any) => f.name).join(',')).toBe(header);
    expect(pkg.resources[3].schema.fields.find((f: any) => f.name === 'nearest_site_km').unit).toBe('km');
    expect((await fetch(`${server.url}/export/datapackage.json?filter=%7B`)).status).toBe(400);
  });
});

/** A GET with the headers a client chooses, Host included (fetch does not let a caller set Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      })
      .on('error', reject);
  });
}

describe('absolute URLs come from PUBLIC_URL only', () => {
  it.each([
    '/export/organizations.csv',
    '/export/services.csv',
    '/export/locations.csv',
    '/export/coverage.csv',
    '/export/locations.geojson',
    '/export/contracts.ocds.json',
    '/export/datapackage.json',
    '/hsds/',
    '/hsds/organizations',
    '/hsds/services',
  ])('a spoofed Host never appears in %s', async (path) => {
    const spoofed = { host: 'evil.example', 'x-forwarded-host': 'evil2.example', 'x-forwarded-proto': 'gopher', forwarded: 'host=evil3.example' };
    const res = await rawGet(path, spoofed);
    const everything = JSON.stringify(res.headers) + res.body;
    expect(everything).not.toMatch(/evil|gopher/);
  });
});
