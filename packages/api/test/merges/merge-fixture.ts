import type { EntityManager } from '@mikro-orm/postgresql';
import { expect } from 'vitest';
import { PublicAuthority } from '../../src/authorities/public-authority.entity';
import { ContractModality } from '../../src/contracts/contract.enums';
import { Contract } from '../../src/contracts/contract.entity';
import { ServiceCategory } from '../../src/taxonomy/service-category.entity';
import type { ActAs, TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';

export const E = 'userErrors { field message code }';
export const MERGE = `mutation($input: MergeOrganizationsInput!) {
  mergeOrganizations(input: $input) { organization { id version registrationNumber website } merge { id keptId mergedId mergedName moved { services sites licences contracts memberships claims } dropped { memberships } } ${E} } }`;
export const UNMERGE = `mutation($id: ID!) { unmergeOrganization(mergedId: $id) { organization { id version registrationNumber } kept { id version registrationNumber } ${E} } }`;

/** Runs an operation, fails on GraphQL errors, and returns its data. */
export async function gql(api: TestApi, query: string, variables: Record<string, unknown>, as?: ActAs): Promise<any> {
  const r = await api.query(query, variables, as);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

export async function versionOf(em: EntityManager, id: string): Promise<number> {
  const [row] = await em.fork().execute('select version from organization where id = ?', [id]);
  return row.version;
}

/**
 * Two records of one organization, as an import and a registration might leave them: each with a
 * site, a service and a licence in its own municipality; the duplicate also with a registration
 * number, a website and a contract.
 */
export async function createDuplicates(em: EntityManager, tag: string, seats: { prishtine: { lat: number; lng: number }; peje: { lat: number; lng: number } }) {
  const [kept, merged] = await createOrganizations(em.fork(), [
    {
      sq: `Qendra Paqja ${tag}`,
      sites: [{ municipality: 'prishtine', lat: seats.prishtine.lat + 0.001, lng: seats.prishtine.lng }],
      services: [{ name: `Këshillim ${tag}`, categories: ['counselling.family'], area: ['prishtine'], atSites: [0] }],
      licences: [{ categories: ['counselling'], from: '2024-01-01' }],
    },
    {
      sq: `Qendra e Paqes ${tag}`,
      verified: false,
      sites: [{ municipality: 'peje', lat: seats.peje.lat + 0.001, lng: seats.peje.lng }],
      services: [{ name: `Strehim ${tag}`, categories: ['residential'], area: ['peje'], atSites: [0] }],
      licences: [{ categories: ['residential'], from: '2023-05-01' }],
    },
  ]);
  const fork = em.fork();
  await fork.execute(`update organization set registration_number = ?, website = ? where id = ?`, [`REG-${tag}`, `https://paqja-${tag}.example.org`, merged.id]);
  const authority = await fork.findOneOrFail(PublicAuthority, { code: 'ministry-justice' });
  const contract = fork.create(Contract, {
    authority,
    provider: fork.getReference('Organization', merged.id) as any,
    modality: ContractModality.GRANT,
    amount: '1200.00',
    startDate: '2025-01-01',
    reference: `G-${tag}`,
    title: 'Grant',
  });
  contract.categories.add(await fork.findOneOrFail(ServiceCategory, { code: 'residential' }));
  await fork.flush();
  return { keptId: kept.id, mergedId: merged.id };
}
