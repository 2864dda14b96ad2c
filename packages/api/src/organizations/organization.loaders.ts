import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIds } from '../core/batch';
import type { WithLoaders } from '../core/context';
import type { CatalogContext } from '../reference/catalog-context';
import { Organization } from './organization.entity';
import type { Contractability } from './contractability.types';

/** Organizations by id, one statement per request whatever asks (services, sites, licences, contracts, shortlists). */
export function createOrganizationLoaders(em: EntityManager) {
  return {
    organization: new DataLoader<string, Organization | null>(async (ids) => byIds(ids, await em.find(Organization, { id: { $in: [...ids] } }))),
    /** Organization.contractability, one loader per set of arguments (contractability.resolver.ts). */
    contractability: new Map<string, DataLoader<string, Contractability>>(),
  };
}

export type OrganizationLoaders = ReturnType<typeof createOrganizationLoaders>;
export type OrganizationsContext = CatalogContext & WithLoaders<OrganizationLoaders>;
