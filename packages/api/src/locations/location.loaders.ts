import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIds, groupBy } from '../core/batch';
import type { WithLoaders } from '../core/context';
import { readOnly } from '../core/read-model';
import type { OrganizationsContext } from '../organizations/organization.loaders';
import { Location } from './location.entity';
import { pgArray } from '../core/sql';

/** Sites by id and by organization: one statement for a whole page. */
export function createLocationLoaders(em: EntityManager) {
  return {
    location: new DataLoader<string, Location | null>(async (ids) => byIds(ids, await em.find(Location, { id: { $in: [...ids] } }))),
    locationsByOrganization: new DataLoader<string, Location[]>(async (organizationIds) => {
      const rows: Record<string, unknown>[] = await em.execute('select l.* from location l where l.organization_id = any(?::uuid[]) order by l.name, l.id', [
        pgArray(organizationIds),
      ]);
      return groupBy(organizationIds, rows.map((row) => readOnly(em, Location, row)), (l) => l.organization.id);
    }),
  };
}

export type LocationLoaders = ReturnType<typeof createLocationLoaders>;
export type LocationsContext = OrganizationsContext & WithLoaders<LocationLoaders>;
