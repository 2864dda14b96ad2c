import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config';
import { Contract } from '../src/contracts/contract.entity';
import { ContractModality, ContractStatus } from '../src/contracts/contract.enums';
import { PublicAuthority } from '../src/authorities/public-authority.entity';
import { createRuntime, type Runtime } from '../src/app/runtime';
import { type RunningServer, startServer } from '../src/app/server';
import { ServiceCategory } from '../src/taxonomy/service-category.entity';
import { createOrganizations } from '../test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';
import { check, compileStandard } from './support/standards';
import { ocdsAdditionalChecks, withExtension } from './support/ocds-checks';

const RELEASE_ID = 'https://standard.open-contracting.org/schema/1__1__5/release-schema.json';
const OCDS_PREFIX = 'ocds-a1b2c3';
const PUBLIC_URL = 'https://civimap.example.org';
const CONTRACTS = Object.values(ContractModality).length + 2;
let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  const providers = await createOrganizations(db.orm.em.fork(), [
    { sq: 'Strehimorja Drita', sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }] },
    { sq: 'Këshillimorja', sites: [{ municipality: 'peje', lat: 42.66, lng: 20.29 }] },
  ]);
  await db.orm.em.fork().execute(`update organization set registration_number = '5112345-6' where id = ?`, [providers[0].id]);
  const em = db.orm.em.fork();
  const authorities = await em.find(PublicAuthority, { code: { $in: ['ministry-justice', 'municipality-peje', 'ministry-health'] } });
  const categories = await em.find(ServiceCategory, { code: { $in: ['residential.shelter-domestic-violence', 'counselling.family'] } });
  const modalities = Object.values(ContractModality);
  const statuses = Object.values(ContractStatus);
  // Every modality and status, with and without amounts, dates and links.
  modalities.forEach((modality, i) => {
    const contract = em.create(Contract, {
      authority: authorities[i % authorities.length],
      provider: em.getReference('Organization', providers[i % 2].id) as any,
      modality,
      status: statuses[i % statuses.length],
      amount: i % 3 === 2 ? null : String(1000 * (i + 1) + 0.25),
      startDate: i % 2 ? '2025-01-01' : null,
      endDate: i % 2 ? '2025-12-31' : null,
      awardDate: i === 4 ? null : `2024-1${i % 3}-15`,
      reference: `REF-${i}`,
      url: i % 2 ? `https://example.org/contracts/${i}` : null,
      title: i % 2 ? `Kontrata ${i}` : null,
    });
    contract.categories.set(i % 2 ? categories : [categories[0]]);
  });
  // An active contract whose period has not ended, and a planned one with an award date.
  for (const [status, endDate] of [[ContractStatus.ACTIVE, '2099-12-31'], [ContractStatus.PLANNED, '2099-12-31']] as const) {
    const contract = em.create(Contract, {
      authority: authorities[0],
      provider: em.getReference('Organization', providers[0].id) as any,
      modality: ContractModality.GRANT,
      status,
      amount: '500.00',
      startDate: '2026-01-01',
      endDate,
      awardDate: '2025-12-01',
    });
    contract.categories.set([categories[0]]);
  }
  await em.flush();
  runtime = await createRuntime({
    config: loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', OCDS_PREFIX, PUBLIC_URL }),
    logger: pino({ level: 'silent' }),
  });
  server = await startServer(runtime);
});
afterAll(async () => {
  await server?.close();
  await runtime?.close();
  await db?.close();
});

describe('OCDS 1.1.5', () => {
  it('the contracts export validates against the release-package schema with the release schema', async () => {
    const body = await (await fetch(`${server.url}/export/contracts.ocds.json`)).json();
    expect(body.releases).toHaveLength(CONTRACTS);
    const validatePackage = compileStandard('ocds-1.1.5/release-package-schema.json', { references: [{ path: 'ocds-1.1.5/release-schema.json', id: RELEASE_ID }] });
    expect(check(validatePackage, body)).toBe('');
    const validateRelease = compileStandard('ocds-1.1.5/release-schema.json');
    for (const release of body.releases) expect(check(validateRelease, release), release.ocid).toBe('');
  });

  it('each release names buyer and supplier parties, the award and the contract with value and period', async () => {
    const body = await (await fetch(`${server.url}/export/contracts.ocds.json?filter=${encodeURIComponent(JSON.stringify({ text: 'drita' }))}`)).json();
    expect(body.releases.length).toBeGreaterThan(0);
    for (const release of body.releases) {
      const roles = release.parties.flatMap((p: any) => p.roles);
      expect(roles).toEqual(expect.arrayContaining(['buyer', 'supplier']));
      expect(release.awards[0].suppliers[0].id).toBe(release.parties.find((p: any) => p.roles.includes('supplier')).id);
      expect(release.contracts[0].awardID).toBe(release.awards[0].id);
    }
    expect(body.releases[0].parties.find((p: any) => p.roles.includes('supplier')).identifier).toEqual({ scheme: 'XK-NGO', id: '5112345-6', legalName: 'Strehimorja Drita' });
    const all = await (await fetch(`${server.url}/export/contracts.ocds.json`)).json();
    const withValue = all.releases.find((r: any) => r.contracts[0].value && r.contracts[0].period?.startDate === '2025-01-01T00:00:00Z');
    expect(withValue.contracts[0].value.currency).toBe('EUR');
    expect(withValue.contracts[0].period).toEqual({ startDate: '2025-01-01T00:00:00Z', endDate: '2025-12-31T00:00:00Z' });
  });

  it('passes the additional checks: unique ocid/id pairs, party references, codelists, periods, status against dates', async () => {
    const body = await (await fetch(`${server.url}/export/contracts.ocds.json`)).json();
    expect(body.releases).toHaveLength(CONTRACTS);
    expect(await ocdsAdditionalChecks(body, { prefix: OCDS_PREFIX, today: new Date().toISOString().slice(0, 10) })).toEqual([]);
    const statuses = new Set(body.releases.map((r: any) => r.contracts[0].status));
    expect([...statuses].sort()).toEqual(['active', 'cancelled', 'pending', 'terminated']);
    // The checks bite: a repeated release, a dangling buyer, a pending contract with a signature, a bad code.
    const broken = structuredClone(body.releases[0]);
    broken.buyer = { id: 'nobody', name: 'x' };
    broken.contracts[0].status = 'pending';
    broken.contracts[0].dateSigned = '2025-01-01T00:00:00Z';
    broken.awards[0].status = 'signed';
    const problems = await ocdsAdditionalChecks({ releases: [body.releases[0], body.releases[0], broken] }, { prefix: OCDS_PREFIX, today: '2026-01-01' });
    expect(problems.join('\n')).toMatch(/not unique/);
    expect(problems.join('\n')).toMatch(/buyer refers to no party/);
    expect(problems.join('\n')).toMatch(/pending but signed/);
    expect(problems.join('\n')).toMatch(/award status signed is not in awardStatus/);
  });

  it('declares every field it adds: valid against the schemas with the civimap extension applied and every object closed', async () => {
    const body = await (await fetch(`${server.url}/export/contracts.ocds.json`)).json();
    expect(body.extensions).toEqual([`${PUBLIC_URL}/export/ocds/extension.json`]);
    const local = (url: string) => url.replace(PUBLIC_URL, server.url);
    const extension = await (await fetch(local(body.extensions[0]))).json();
    expect(extension).toMatchObject({ name: { en: 'civimap' }, compatibility: ['1.1'], schemas: ['release-schema.json', 'release-package-schema.json'] });
    const base = body.extensions[0].replace(/extension\.json$/, '');
    const patches = Object.fromEntries(await Promise.all(extension.schemas.map(async (file: string) => [file, await (await fetch(local(base + file))).json()])));
    const { validatePackage, validateRelease } = withExtension(patches);
    expect(check(validatePackage, body), 'package').toBe('');
    for (const release of body.releases) expect(check(validateRelease, release), release.ocid).toBe('');
    // Without the extension, the civimap field is undeclared: the closed check sees it.
    const bare = withExtension({});
    expect(check(bare.validateRelease, body.releases[0])).toMatch(/civimap/);
    const codelist = await fetch(local(`${base}codelists/+itemClassificationScheme.csv`));
    expect(codelist.status).toBe(200);
    expect(await codelist.text()).toMatch(/^Code,Title,Description/);
  });

  it('serves the publication policy the packages point to, and the publisher has uid and uri', async () => {
    const body = await (await fetch(`${server.url}/export/contracts.ocds.json`)).json();
    expect(body.publisher).toEqual({ name: 'civimap', uid: OCDS_PREFIX, uri: PUBLIC_URL });
    expect(body.publicationPolicy).toBe(`${PUBLIC_URL}/export/ocds/publication-policy`);
    expect(body.civimap.ocidPrefix).toEqual({ prefix: OCDS_PREFIX, placeholder: false });
    const policy = await fetch(body.publicationPolicy.replace(PUBLIC_URL, server.url));
    expect(policy.status).toBe(200);
    const html = await policy.text();
    expect(html).toContain(OCDS_PREFIX);
    expect(html).toMatch(/ACTIVE, endDate before today/);
  });
});
