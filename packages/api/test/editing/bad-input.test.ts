import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole } from '../../src/users/user.enums';
import { createAccount, rowCounts, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let owner: TestAccount;
let orgId: string;
let locationId: string;

const E = 'userErrors { field message code }';
const UPDATE_ORG = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } ${E} } }`;
const CREATE_LOCATION = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } ${E} } }`;
const UPDATE_LOCATION = `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { id } ${E} } }`;
const CREATE_SERVICE = `mutation($input: CreateServiceInput!) { createService(input: $input) { service { id } ${E} } }`;
const CREATE_LICENCE = `mutation($input: CreateLicenceInput!) { createLicence(input: $input) { licence { id } ${E} } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } token ${E} } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra', sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }] }]);
  orgId = org.id;
  owner = await createAccount(db.orm.em, { email: 'owner@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.OWNER }] });
  [{ id: locationId }] = await db.orm.em.fork().execute('select id from location where organization_id = ?', [orgId]);
});
afterAll(async () => db?.close());

const orgVersion = async () => (await db.orm.em.fork().execute('select version from organization where id = ?', [orgId]))[0].version as number;

/** The write answers with exactly these userErrors (path and code; the message must say something) and writes no row at all. */
async function refused(query: string, variables: Record<string, unknown>, expected: { field: string[] | null; code: string }[], as: TestAccount | null = owner) {
  const before = await rowCounts(db.orm.em);
  const result = await api.query(query, variables, as?.as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = Object.values(result.data as object)[0] as { userErrors: { field: string[] | null; code: string; message: string }[] };
  expect(payload.userErrors.map(({ field, code }) => ({ field, code }))).toEqual(expected);
  for (const e of payload.userErrors) expect(e.message.length).toBeGreaterThan(10);
  expect(await rowCounts(db.orm.em)).toEqual(before);
  return payload.userErrors;
}

describe('bad input gets typed userErrors and writes nothing', () => {
  it('an invalid email (registration and profile)', async () => {
    await refused(REGISTER, { input: { email: 'not-an-email', password: 'Long enough 2024!', displayName: 'X' } }, [{ field: ['input', 'email'], code: 'INVALID_INPUT' }], null);
    await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), email: 'info@@example' } }, [{ field: ['input', 'email'], code: 'INVALID_INPUT' }]);
  });

  it('weak passwords: too short, one kind of character, the email itself', async () => {
    const [short] = await refused(REGISTER, { input: { email: 'a@example.org', password: 'Short1!', displayName: 'A' } }, [{ field: ['input', 'password'], code: 'INVALID_INPUT' }], null);
    expect(short.message).toContain('at least 12 characters');
    const [oneKind] = await refused(REGISTER, { input: { email: 'a@example.org', password: 'abcdefghijklmnop', displayName: 'A' } }, [{ field: ['input', 'password'], code: 'INVALID_INPUT' }], null);
    expect(oneKind.message).toContain('one kind of character');
    await refused(REGISTER, { input: { email: 'arbenkrasniqi@example.org', password: 'ArbenKrasniqi@example.org', displayName: 'A' } }, [{ field: ['input', 'password'], code: 'INVALID_INPUT' }], null);
  });

  it('javascript:, data: and other non-web URLs, in the website and the social links', async () => {
    const [js] = await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), website: 'javascript:alert(document.cookie)' } }, [{ field: ['input', 'website'], code: 'INVALID_INPUT' }]);
    expect(js.message).toContain('Only http and https');
    await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), socialLinks: ['https://facebook.com/qendra', 'data:text/html,<script>alert(1)</script>'] } }, [
      { field: ['input', 'socialLinks', '1'], code: 'INVALID_INPUT' },
    ]);
    await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), website: '  JAVASCRIPT:alert(1)' } }, [{ field: ['input', 'website'], code: 'INVALID_INPUT' }]);
  });

  it('coordinates outside Kosovo', async () => {
    const [outside] = await refused(CREATE_LOCATION, { input: { organizationId: orgId, municipality: 'prishtine', lat: 41.33, lng: 19.82 } }, [{ field: ['input', 'lat'], code: 'INVALID_INPUT' }]);
    expect(outside.message).toContain('outside Kosovo');
    await refused(UPDATE_LOCATION, { input: { id: locationId, version: 1, lat: 48.2, lng: 16.37 } }, [{ field: ['input', 'lat'], code: 'INVALID_INPUT' }]);
    await refused(CREATE_LOCATION, { input: { organizationId: orgId, municipality: 'prishtine', lat: 91, lng: 21 } }, [
      { field: ['input', 'lat'], code: 'INVALID_INPUT' },
    ]);
  });

  it('a point in Kosovo but in another municipality than the one named (no boundary: more than 25 km from the seat)', async () => {
    // Prizren's centre, named as Prishtinë.
    const [wrong] = await refused(CREATE_LOCATION, { input: { organizationId: orgId, municipality: 'prishtine', lat: 42.2139, lng: 20.7397 } }, [
      { field: ['input', 'municipality'], code: 'INVALID_INPUT' },
    ]);
    expect(wrong.message).toMatch(/km from the seat of Prishtinë/);
    // Moving only the municipality of an existing site checks its kept point too.
    await refused(UPDATE_LOCATION, { input: { id: locationId, version: 1, municipality: 'prizren' } }, [{ field: ['input', 'municipality'], code: 'INVALID_INPUT' }]);
  });

  it('with an imported boundary, the polygon decides', async () => {
    const square = { type: 'MultiPolygon', coordinates: [[[[21.1, 42.6], [21.25, 42.6], [21.25, 42.72], [21.1, 42.72], [21.1, 42.6]]]] };
    await db.orm.em.fork().execute(`update municipality set boundary = ?::jsonb where code = 'prishtine'`, [JSON.stringify(square)]);
    try {
      // 8 km from the seat, so the distance rule would accept it, but outside the polygon.
      await refused(CREATE_LOCATION, { input: { organizationId: orgId, municipality: 'prishtine', lat: 42.7, lng: 21.05 } }, [{ field: ['input', 'municipality'], code: 'INVALID_INPUT' }]);
      const inside = await api.query(CREATE_LOCATION, { input: { organizationId: orgId, municipality: 'prishtine', lat: 42.65, lng: 21.2 } }, owner.as);
      expect(inside.data.createLocation.userErrors).toEqual([]);
    } finally {
      await db.orm.em.fork().execute(`update municipality set boundary = null where code = 'prishtine'`);
    }
  });

  it('a description over 10,000 characters in one language', async () => {
    const [long] = await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), descriptions: { sq: 'ok', en: 'x'.repeat(10_001) } } }, [
      { field: ['input', 'descriptions', 'en'], code: 'INVALID_INPUT' },
    ]);
    expect(long.message).toContain('At most 10,000 characters');
    const ok = await api.query(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), descriptions: { sq: 'y'.repeat(10_000) } } }, owner.as);
    expect(ok.data.updateOrganization.userErrors).toEqual([]);
  });

  it('years, counts and funding shares out of range; shares that do not add up to 100', async () => {
    await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), yearFounded: 1850, staffCount: -1, volunteerCount: 10_000_000 } }, [
      { field: ['input', 'yearFounded'], code: 'INVALID_INPUT' },
      { field: ['input', 'staffCount'], code: 'INVALID_INPUT' },
      { field: ['input', 'volunteerCount'], code: 'INVALID_INPUT' },
    ]);
    await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), fundingMix: { publicSources: 120 } } }, [{ field: ['input', 'fundingMix', 'publicSources'], code: 'INVALID_INPUT' }]);
    const [sum] = await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), fundingMix: { publicSources: 60, foreignDonors: 30 } } }, [
      { field: ['input', 'fundingMix'], code: 'INVALID_INPUT' },
    ]);
    expect(sum.message).toContain('add up to 90');
  });

  it('phone numbers, dates and date order, unknown codes', async () => {
    await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), phone: 'call me maybe', registrationDate: '2024-02-30' } }, [
      { field: ['input', 'registrationDate'], code: 'INVALID_INPUT' },
      { field: ['input', 'phone'], code: 'INVALID_INPUT' },
    ]);
    await refused(CREATE_LICENCE, { input: { organizationId: orgId, authority: 'MPMS', number: 'L-9', categories: ['counselling'], validFrom: '2025-06-01', validUntil: '2025-01-31' } }, [
      { field: ['input', 'validUntil'], code: 'INVALID_INPUT' },
    ]);
    await refused(CREATE_SERVICE, { input: { organizationId: orgId, names: { sq: 'S' }, categories: ['counselling', 'astrology'], serviceArea: ['atlantis'], targetGroups: ['martians'] } }, [
      { field: ['input', 'categories'], code: 'INVALID_INPUT' },
      { field: ['input', 'targetGroups'], code: 'INVALID_INPUT' },
      { field: ['input', 'serviceArea'], code: 'INVALID_INPUT' },
    ]);
    await refused(CREATE_SERVICE, { input: { organizationId: orgId, names: { sq: '  ' }, categories: [] } }, [
      { field: ['input', 'names', 'sq'], code: 'INVALID_INPUT' },
      { field: ['input', 'categories'], code: 'INVALID_INPUT' },
    ]);
  });

  it('a site of another organization cannot be linked to a service; unknown ids are NOT_FOUND', async () => {
    const [other] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Tjetër', sites: [{ municipality: 'peje', lat: 42.66, lng: 20.29 }] }]);
    const [{ id: foreignSite }] = await db.orm.em.fork().execute('select id from location where organization_id = ?', [other.id]);
    await refused(CREATE_SERVICE, { input: { organizationId: orgId, names: { sq: 'S' }, categories: ['counselling'], locationIds: [foreignSite] } }, [
      { field: ['input', 'locationIds'], code: 'INVALID_INPUT' },
    ]);
    await refused(UPDATE_ORG, { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, acronym: 'X' } }, [{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
    await refused(UPDATE_ORG, { input: { id: 'not-a-uuid', version: 1, acronym: 'X' } }, [{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
  });

  it('control characters (NUL would even break PostgreSQL) are refused, not an internal error', async () => {
    await refused(UPDATE_ORG, { input: { id: orgId, version: await orgVersion(), acronym: 'A\u0000B' } }, [{ field: ['input', 'acronym'], code: 'INVALID_INPUT' }]);
  });
});
