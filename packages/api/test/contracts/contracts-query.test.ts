import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contract } from '../../src/contracts/contract.entity';
import { ContractModality } from '../../src/contracts/contract.enums';
import { PublicAuthority } from '../../src/authorities/public-authority.entity';
import { ServiceCategory } from '../../src/taxonomy/service-category.entity';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;

// [authority, provider index, categories, amount, award date]
const CONTRACTS: [string, number, string[], number | null, string | null][] = [
  ['ministry-justice', 0, ['residential.shelter-domestic-violence'], 45000, '2024-12-15'],
  ['ministry-justice', 1, ['counselling.family'], 12000.5, '2025-03-01'],
  ['municipality-prizren', 1, ['counselling.family', 'counselling.psychosocial'], 8000, '2025-06-10'],
  ['municipality-prishtine', 0, ['residential.shelter-domestic-violence'], 30000, '2025-06-10'],
  ['ministry-health', 2, ['community.home-care'], null, null],
];

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const providers = await createOrganizations(db.orm.em.fork(), [
    { sq: 'Strehimorja', sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }] },
    { sq: 'Këshillimorja', sites: [{ municipality: 'peje', lat: 42.66, lng: 20.29 }] },
    { sq: 'Kujdesi', sites: [{ municipality: 'ferizaj', lat: 42.37, lng: 21.16 }] },
  ]);
  const em = db.orm.em.fork();
  for (const [authorityCode, provider, categories, amount, awardDate] of CONTRACTS) {
    const contract = em.create(Contract, {
      authority: await em.findOneOrFail(PublicAuthority, { code: authorityCode }),
      provider: em.getReference('Organization', providers[provider].id) as any,
      modality: ContractModality.GRANT,
      amount: amount === null ? null : String(amount),
      awardDate,
    });
    contract.categories.set(await em.find(ServiceCategory, { code: { $in: categories } }));
  }
  await em.flush();
});
afterAll(() => db?.close());

const LIST = `query($first: Int, $after: String, $filter: ContractFilter) {
  contracts(first: $first, after: $after, filter: $filter) {
    totalCount totalAmount
    edges { cursor node { id amount awardDate authority { code } provider { name } categories { code } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('contracts query', () => {
  it('lists every contract newest award first, paginating without gaps, with the total amount', async () => {
    const seen: any[] = [];
    let after: string | null = null;
    do {
      const result: any = await api.query(LIST, { first: 2, after });
      expect(result.errors).toBeUndefined();
      expect(result.data.contracts.totalCount).toBe(5);
      expect(result.data.contracts.totalAmount).toBeCloseTo(95000.5, 2);
      seen.push(...result.data.contracts.edges.map((e: any) => e.node));
      after = result.data.contracts.pageInfo.hasNextPage ? result.data.contracts.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen.map((c) => c.id)).size).toBe(5);
    expect(seen.map((c) => c.awardDate)).toEqual(['2025-06-10', '2025-06-10', '2025-03-01', '2024-12-15', null]);
  });

  it.each([
    [{ authorities: ['ministry-justice'] }, 2, 57000.5],
    [{ categories: ['counselling'] }, 2, 20000.5],
    [{ municipalities: ['prishtine'] }, 2, 75000],
    [{ municipalities: ['prizren'] }, 1, 8000],
    [{ municipalities: ['peje'] }, 1, 12000.5],
    [{ years: [2025] }, 3, 50000.5],
    [{ years: [2025], authorities: ['municipality-prishtine'] }, 1, 30000],
  ])('filter %j', async (filter, count, amount) => {
    const result: any = await api.query(LIST, { filter, first: 100 });
    expect(result.errors).toBeUndefined();
    expect(result.data.contracts.totalCount).toBe(count);
    expect(result.data.contracts.totalAmount).toBeCloseTo(amount, 2);
    expect(result.data.contracts.edges).toHaveLength(count);
  });

  it('totals by authority, category, municipality and year', async () => {
    const totals = async (by: string) => {
      const result: any = await api.query(`query($by: ContractTotalDimension!) { contractTotals(by: $by, lang: EN) { key label contracts amount } }`, { by });
      expect(result.errors).toBeUndefined();
      return Object.fromEntries(result.data.contractTotals.map((t: any) => [t.key, [t.contracts, t.amount]]));
    };
    expect(await totals('AUTHORITY')).toEqual({
      'ministry-justice': [2, 57000.5],
      'municipality-prishtine': [1, 30000],
      'municipality-prizren': [1, 8000],
      'ministry-health': [1, 0],
    });
    expect(await totals('CATEGORY')).toEqual({
      'residential.shelter-domestic-violence': [2, 75000],
      'counselling.family': [2, 20000.5],
      'counselling.psychosocial': [1, 8000],
      'community.home-care': [1, 0],
    });
    expect(await totals('MUNICIPALITY')).toEqual({ prishtine: [2, 75000], peje: [1, 12000.5], prizren: [1, 8000], ferizaj: [1, 0] });
    expect(await totals('YEAR')).toEqual({ '2024': [1, 45000], '2025': [3, 50000.5], unknown: [1, 0] });
  });

  it('refuses unknown codes', async () => {
    const result: any = await api.query(LIST, { filter: { authorities: ['ministry-of-magic'] } });
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
