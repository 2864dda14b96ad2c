import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../core/batch';
import type { WithLoaders } from '../core/context';
import { readOnly } from '../core/read-model';
import type { OrganizationsContext } from '../organizations/organization.loaders';
import { Licence } from './licence.entity';
import { pgArray } from '../core/sql';

/** An organization's licences with their categories, one statement for a whole page. */
export function createLicenceLoaders(em: EntityManager) {
  const licenceCategoryIds: DataLoader<string, string[]> = new DataLoader(async (licenceIds) => {
    const rows: { licence_id: string; category_id: string }[] = await em.execute(
      'select licence_id, category_id from licence_category where licence_id = any(?::uuid[])',
      [pgArray(licenceIds)],
    );
    return groupBy(licenceIds, rows, (r) => r.licence_id).map((g) => g.map((r) => r.category_id));
  });

  return {
    licencesByOrganization: new DataLoader<string, Licence[]>(async (organizationIds) => {
      const rows: Record<string, unknown>[] = await em.execute(
        `select li.*, array(select lc.category_id from licence_category lc where lc.licence_id = li.id) as category_ids` +
          ` from licence li where li.organization_id = any(?::uuid[]) order by li.valid_from desc, li.id`,
        [pgArray(organizationIds)],
      );
      const licences = rows.map(({ category_ids: categoryIds, ...columns }) => {
        const licence = readOnly(em, Licence, columns);
        licenceCategoryIds.prime(licence.id, categoryIds as string[]);
        return licence;
      });
      return groupBy(organizationIds, licences, (l) => l.organization.id);
    }),
    licenceCategoryIds,
  };
}

export type LicenceLoaders = ReturnType<typeof createLicenceLoaders>;
export type LicencesContext = OrganizationsContext & WithLoaders<LicenceLoaders>;
