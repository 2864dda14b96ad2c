import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import { ContractModality } from '../../src/contracts/contract.enums';
import { Contract } from '../../src/contracts/contract.entity';
import { PublicAuthority } from '../../src/authorities/public-authority.entity';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { ServiceCategory } from '../../src/taxonomy/service-category.entity';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { serveApp, stopApp } from '../support/served-app';

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;
const BULK = 1234;

beforeAll(async () => {
  db = await createTestDatabase();
  const [shelter, counselling] = await createOrganizations(db.orm.em.fork(), [
    {
      sq: 'Strehimorja "Drita", Prishtinë',
      en: 'Drita Shelter',
      isDemo: true,
      sites: [
        { municipality: 'prishtine', lat: 42.66, lng: 21.16 },
        { municipality: 'prizren', lat: 42.21, lng: 20.74 },
      ],
      services: [{ name: 'Strehim', categories: ['residential.shelter-domestic-violence'], targetGroups: ['women-and-girls'], area: ['prishtine'], atSites: [0] }],
    },
    {
      sq: 'Këshilla Familjare',
      sites: [{ municipality: 'peje', lat: 42.66, lng: 20.29 }],
      services: [{ name: 'Këshillim', categories: ['counselling.family'], area: ['peje'], atSites: [0] }],
    },
  ]);
  const em = db.orm.em.fork();
  const authority = await em.findOneOrFail(PublicAuthority, { code: 'ministry-justice' });
  const category = await em.findOneOrFail(ServiceCategory, { code: 'residential.shelter-domestic-violence' });
  const contract = em.create(Contract, {
    authority,
    provider: em.getReference('Organization', shelter.id) as any,
    modality: ContractModality.SOCIAL_SERVICES_CONTRACT,
    amount: '45000.50',
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    awardDate: '2024-12-15',
    reference: 'MD-2024-77',
    title: 'Strehim për viktimat e dhunës në familje 2025',
  });
  contract.categories.add(category);
  await em.flush();
  void counselling;
  // Enough organizations to span several keyset batches.
  await em.execute(`insert into organization (id, name_sq) select gen_random_uuid(), 'Shoqata ' || g from generate_series(1, ${BULK}) g`);
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent' });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

const get = (path: string, filter?: unknown) =>
  fetch(`${server.url}${path}${filter === undefined ? '' : `?filter=${encodeURIComponent(typeof filter === 'string' ? filter : JSON.stringify(filter))}`}`);

/** Strict RFC 4180: a BOM, then the header row, CRLF line ends, no comment lines; csv-parse with no relaxation. */
function parseCsv(text: string) {
  // Response.text() drops a byte-order mark: the callers pass bytes decoded with ignoreBOM (csvBody).
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.slice(1).split('\r\n')[0]).toMatch(/^[a-z_]+(,[a-z_0-9]+)*$/);
  expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return { rows: parse(text, { columns: true, bom: true }) as Record<string, string>[] };
}
const csvBody = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
const filterHeader = (res: Response) => JSON.parse(decodeURIComponent(res.headers.get('x-civimap-filter')!));

describe('exports', () => {
  it('organizations.csv streams every organization across batches, with licence, time, filter and demo flag', async () => {
    const res = await get('/export/organizations.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('x-civimap-licence')).toMatch(/CC BY 4.0/);
    expect(res.headers.get('x-civimap-includes-demo')).toBe('true');
    expect(res.headers.get('x-civimap-generated-at')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(filterHeader(res)).toEqual({});
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="civimap-organizations-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('link')).toBe(
      '<https://creativecommons.org/licenses/by/4.0/>; rel="license"; title="CC BY 4.0", <http://localhost:4000/export/datapackage.json>; rel="describedby"; type="application/json"',
    );
    const { rows } = parseCsv(await csvBody(res));
    expect(rows).toHaveLength(BULK + 2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(BULK + 2);
    const drita = rows.find((r) => r.name_en === 'Drita Shelter')!;
    expect(drita.name_sq).toBe('Strehimorja "Drita", Prishtinë');
    expect(drita.municipalities).toBe('prishtine;prizren');
    expect(drita.categories).toBe('residential.shelter-domestic-violence');
    expect(drita.is_demo).toBe('true');
  });

  it('applies the filter exactly as the API does and states it', async () => {
    const filter = { categories: ['residential'] };
    const res = await get('/export/organizations.csv', filter);
    expect(filterHeader(res)).toEqual(filter);
    expect(res.headers.get('link')).toContain(`<http://localhost:4000/export/datapackage.json?filter=${encodeURIComponent(JSON.stringify(filter))}>`);
    const { rows } = parseCsv(await csvBody(res));
    expect(rows.map((r) => r.name_en)).toEqual(['Drita Shelter']);
    const noneRes = await get('/export/organizations.csv', { includeDemo: false, categories: ['residential'] });
    expect(noneRes.headers.get('x-civimap-includes-demo')).toBe('false');
    const none = parseCsv(await csvBody(noneRes));
    expect(none.rows).toHaveLength(0);
  });

  it('services.csv and locations.csv list the children of the matching organizations', async () => {
    const services = parseCsv(await csvBody(await get('/export/services.csv', { text: 'drita' }))).rows;
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({ name_sq: 'Strehim', categories: 'residential.shelter-domestic-violence', target_groups: 'women-and-girls', service_area: 'prishtine' });
    const locations = parseCsv(await csvBody(await get('/export/locations.csv', { text: 'drita' }))).rows;
    expect(locations.map((l) => l.municipality).sort()).toEqual(['prishtine', 'prizren']);
    // A spatial filter keeps only the sites that made the organization match.
    const boxed = parseCsv(await csvBody(await get('/export/locations.csv', { text: 'drita', bbox: { minLat: 42.5, minLng: 21, maxLat: 42.8, maxLng: 21.3 } }))).rows;
    expect(boxed.map((l) => l.municipality)).toEqual(['prishtine']);
  });

  it('locations.geojson is a FeatureCollection of points with properties and metadata', async () => {
    const res = await get('/export/locations.geojson', { municipalities: ['peje', 'prishtine'] });
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const body = await res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.metadata).toMatchObject({ licence: { name: 'CC BY 4.0' }, includesDemo: true, filter: { municipalities: ['peje', 'prishtine'] } });
    expect(body.features).toHaveLength(2);
    const peje = body.features.find((f: any) => f.properties.municipality === 'peje');
    expect(peje.geometry).toEqual({ type: 'Point', coordinates: [20.29, 42.66] });
    expect(peje.properties.organizationName).toBe('Këshilla Familjare');
  });

  it('contracts.ocds.json is a release package with buyer, supplier, award and contract', async () => {
    const body = await (await get('/export/contracts.ocds.json')).json();
    expect(body).toMatchObject({ version: '1.1', publisher: { name: 'civimap' }, license: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(body.releases).toHaveLength(1);
    const [release] = body.releases;
    // No OCDS_PREFIX outside production: the placeholder, and the package says so.
    expect(release.ocid).toMatch(/^ocds-xxxxxx-/);
    expect(body.civimap.ocidPrefix).toMatchObject({ prefix: 'ocds-xxxxxx', placeholder: true, note: expect.stringMatching(/placeholder/) });
    expect(body.publisher).toEqual({ name: 'civimap', uid: 'ocds-xxxxxx', uri: 'http://localhost:4000' });
    expect(body.publicationPolicy).toBe('http://localhost:4000/export/ocds/publication-policy');
    expect(release.tender.procuringEntity).toEqual(release.buyer);
    expect(release.parties.find((p: any) => p.roles.includes('buyer')).identifier).toEqual({ scheme: 'XK-CIVIMAP-AUTHORITY', id: 'ministry-justice', legalName: 'Ministria e Drejtësisë' });
    expect(release.parties.map((p: any) => p.roles[0]).sort()).toEqual(['buyer', 'supplier']);
    expect(release.buyer.name).toBe('Ministria e Drejtësisë');
    expect(release.awards[0].suppliers[0].name).toBe('Strehimorja "Drita", Prishtinë');
    // ACTIVE as recorded, but its period ended on 2025-12-31: terminated.
    expect(release.contracts[0]).toMatchObject({ status: 'terminated', value: { amount: 45000.5, currency: 'EUR' }, period: { startDate: '2025-01-01T00:00:00Z' } });
    expect(release.civimap).toEqual({ recordedStatus: 'ACTIVE', modality: 'SOCIAL_SERVICES_CONTRACT', reference: 'MD-2024-77', isDemo: false });
  });

  it('contracts.ocds.json also takes a ContractFilter (?contracts=) and states it', async () => {
    const only = async (contracts: unknown) => (await (await fetch(`${server.url}/export/contracts.ocds.json?contracts=${encodeURIComponent(JSON.stringify(contracts))}`)).json());
    expect((await only({ years: [2024] })).releases).toHaveLength(1);
    expect((await only({ years: [2025] })).releases).toHaveLength(0);
    expect((await only({ authorities: ['ministry-justice'], categories: ['residential'] })).releases).toHaveLength(1);
    const none = await only({ authorities: ['ministry-health'] });
    expect(none.releases).toHaveLength(0);
    expect(none.civimap.filter).toEqual({ organizations: {}, contracts: { authorities: ['ministry-health'] } });
    for (const bad of ['{', '{"colour":1}', '{"years":["x"]}', '{"authorities":["nope"]}', '{"modalities":["BARTER"]}']) {
      const res = await fetch(`${server.url}/export/contracts.ocds.json?contracts=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
    }
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['[1,2]', /must be a JSON object/],
    [JSON.stringify({ colour: 'red' }), /Unknown filter field\(s\): colour/],
    [JSON.stringify({ categories: 'residential' }), /list of codes/],
    [JSON.stringify({ categories: ['nope'] }), /Unknown service category code "nope"/],
    [JSON.stringify({ near: { lat: 42, lng: 21, radiusKm: -1 } }), /radiusKm must be more than 0/],
    [JSON.stringify({ status: ['GONE'] }), /unknown value\(s\) GONE/],
  ])('a bad filter %s is a 400 with a clear message', async (filter, message) => {
    for (const path of ['/export/organizations.csv', '/export/locations.geojson', '/export/contracts.ocds.json']) {
      const res = await get(path, filter);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(message);
    }
  });
});
