import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole } from '../../src/users/user.enums';
import { importBundledBoundariesOnce } from '../../src/geography/bundled-boundaries';
import { municipalityAt } from '../../src/geography/municipality-at';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Boundaries as on a first start: the bundled geoBoundaries outline and 38 polygons.
let db: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  db = await createTestDatabase({ boundaries: true });
  api = await createTestApi(db);
});
afterAll(() => db?.close());

const AT = `query($lat: Float!, $lng: Float!) { municipalityAt(lat: $lat, lng: $lng) { code } }`;
const at = async (lat: number, lng: number) => ((await api.query(AT, { lat, lng })).data as any).municipalityAt?.code ?? null;

describe('bundled boundaries, imported on first start', () => {
  it('stores the country outline and all 38 polygons, records the import, and serves them with their credit', async () => {
    const em = db.orm.em.fork();
    const imports = await em.execute<{ level: string; source: string; features: number }[]>('select level, source, features from boundary_import order by id');
    expect(imports).toEqual([
      { level: 'ADM0', source: 'bundled:geoBoundaries-XKX-ADM0_simplified.geojson', features: 1 },
      { level: 'ADM2', source: 'bundled:geoBoundaries-XKX-ADM2_simplified.geojson', features: 38 },
    ]);
    const r = await api.query('{ country { code name(lang: EN) outline(decimals: 4) attribution } municipalities { code boundary(decimals: 3) } }');
    expect(r.errors).toBeUndefined();
    const { country, municipalities } = r.data as any;
    expect(country.code).toBe('XK');
    expect(country.name).toBe('Kosovo');
    expect(country.outline.type).toBe('MultiPolygon');
    expect(country.attribution).toMatch(/geoBoundaries; © OpenStreetMap contributors/);
    const first = country.outline.coordinates[0][0][0] as number[];
    expect(first.every((v) => Math.round(v * 1e4) / 1e4 === v)).toBe(true);
    expect(municipalities).toHaveLength(38);
    expect(municipalities.every((m: any) => m.boundary?.type === 'MultiPolygon')).toBe(true);
    const coords = JSON.stringify(municipalities.map((m: any) => m.boundary.coordinates));
    expect(coords).not.toMatch(/\.\d{4,}/);
  });

  it('refuses a precision outside 0..7', async () => {
    const r = await api.query('{ country { outline(decimals: 9) } }');
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('imports once: a second start changes nothing, and removed polygons stay removed', async () => {
    expect(await importBundledBoundariesOnce(db.orm.em.fork())).toBe(false);
    const em = db.orm.em.fork();
    await em.execute(`update municipality set boundary = null where code = 'mamushe'`);
    expect(await importBundledBoundariesOnce(db.orm.em.fork())).toBe(false);
    const [{ n }] = await em.execute(`select count(*)::int as n from municipality where boundary is null`);
    expect(n).toBe(1);
    // the trigger dropped its rings, so the point-in-polygon query no longer finds it
    const [{ rings }] = await em.execute(`select count(*)::int as rings from municipality_ring r join municipality m on m.id = r.municipality_id where m.code = 'mamushe'`);
    expect(rings).toBe(0);
  });
});

describe('municipalityAt (point in polygon in PostgreSQL)', () => {
  it('finds every municipality from its seat', async () => {
    const seats = await db.orm.em.fork().execute<{ code: string; seat_lat: number; seat_lng: number }[]>(`select code, seat_lat, seat_lng from municipality where boundary is not null order by code`);
    expect(seats.length).toBeGreaterThanOrEqual(37);
    for (const s of seats) expect(await at(s.seat_lat, s.seat_lng), s.code).toBe(s.code);
  });

  it('respects holes: Kllokot lies inside a hole of Viti’s polygon', async () => {
    const [k] = await db.orm.em.fork().execute<{ seat_lat: number; seat_lng: number }[]>(`select seat_lat, seat_lng from municipality where code = 'kllokot'`);
    expect(await at(k.seat_lat, k.seat_lng)).toBe('kllokot');
    const hit = await municipalityAt(db.orm.em.fork(), k.seat_lat, k.seat_lng);
    expect(hit?.by).toBe('POLYGON');
  });

  it('the corrected Fushë Kosovë seat lies in Fushë Kosovë, the old one in Graçanica', async () => {
    expect(await at(42.636, 21.096)).toBe('fushe-kosove');
    expect(await at(42.63, 21.12)).toBe('gracanice');
  });

  it('answers null outside Kosovo', async () => {
    expect(await at(45, 21)).toBeNull();
    expect(await at(42.0, 21.7)).toBeNull(); // in the box, in North Macedonia, far from any edge
  });
});

describe('a site outside the municipality it names', () => {
  let owner: TestAccount;
  let orgId: string;
  beforeAll(async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra e Testit' }]);
    orgId = org.id;
    owner = await createAccount(db.orm.em, { email: 'owner@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.OWNER }] });
  });

  it('is refused with an error that names the municipality the point is in; the right one is accepted', async () => {
    const create = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id municipality { code } } userErrors { field message code } } }`;
    const wrong = await api.query(create, { input: { organizationId: orgId, municipality: 'gracanice', lat: 42.636, lng: 21.096 } }, owner.as);
    const payload = (wrong.data as any).createLocation;
    expect(payload.location).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0].field).toEqual(['input', 'municipality']);
    expect(payload.userErrors[0].message).toMatch(/lies in Fushë Kosovë/);
    const right = await api.query(create, { input: { organizationId: orgId, municipality: 'fushe-kosove', lat: 42.636, lng: 21.096 } }, owner.as);
    expect((right.data as any).createLocation.userErrors).toEqual([]);
    expect((right.data as any).createLocation.location.municipality.code).toBe('fushe-kosove');
  });
});
