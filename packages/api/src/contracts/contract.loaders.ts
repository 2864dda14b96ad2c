import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../core/batch';
import type { WithLoaders } from '../core/context';
import type { OrganizationsContext } from '../organizations/organization.loaders';
import { Contract } from './contract.entity';
import { pgArray } from '../core/sql';

/** A provider's contracts and a contract's categories, one statement each for a whole page. */
export function createContractLoaders(em: EntityManager) {
  return {
    contractsByOrganization: new DataLoader<string, Contract[]>(async (organizationIds) => {
      const contracts = await em.find(Contract, { provider: { $in: [...organizationIds] } }, { orderBy: { awardDate: 'desc', id: 'asc' } });
      return groupBy(organizationIds, contracts, (c) => c.provider.id);
    }),
    contractCategoryIds: new DataLoader<string, string[]>(async (contractIds) => {
      const rows: { contract_id: string; category_id: string }[] = await em.execute(
        'select contract_id, category_id from contract_category where contract_id = any(?::uuid[])',
        [pgArray(contractIds)],
      );
      return groupBy(contractIds, rows, (r) => r.contract_id).map((g) => g.map((r) => r.category_id));
    }),
  };
}

export type ContractLoaders = ReturnType<typeof createContractLoaders>;
export type ContractsContext = OrganizationsContext & WithLoaders<ContractLoaders>;
