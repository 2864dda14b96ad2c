import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { readOnly } from '../db/read-model';
import { Contract } from '../contracts/contract.entity';
import { Licence } from '../licences/licence.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { Service } from '../services/service.entity';

/** The reference ids of a service, fetched with the service in the same statement. */
export interface ServiceLinks {
  categoryIds: string[];
  targetGroupIds: string[];
  areaMunicipalityIds: string[];
  locationIds: string[];
}

const SERVICE_LINK_COLUMNS =
  `array(select sc.category_id from service_category_link sc where sc.service_id = s.id) as category_ids,` +
  ` array(select st.target_group_id from service_target_group st where st.service_id = s.id) as target_group_ids,` +
  ` array(select sa.municipality_id from service_area sa where sa.service_id = s.id) as area_municipality_ids,` +
  ` array(select sl.location_id from service_at_location sl where sl.service_id = s.id) as location_ids`;

function groupBy<T>(keys: readonly string[], items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return keys.map((k) => groups.get(k) ?? []);
}

function byIds<T extends { id: string }>(keys: readonly string[], items: T[]): (T | null)[] {
  const map = new Map(items.map((i) => [i.id, i]));
  return keys.map((k) => map.get(k) ?? null);
}

/**
 * Request-scoped batching: whatever the page size, each kind of child record is fetched with one
 * statement for the whole page. Reference data (categories, municipalities, ...) comes from the
 * in-memory catalog and costs nothing.
 */
export function createLoaders(em: EntityManager) {
  const serviceLinks: DataLoader<string, ServiceLinks> = new DataLoader(async (serviceIds) => {
    const rows: Record<string, unknown>[] = await em.execute(
      `select s.id, ${SERVICE_LINK_COLUMNS} from service s where s.id = any(?::uuid[])`,
      [`{${serviceIds.join(',')}}`],
    );
    const map = new Map(rows.map((r) => [r.id as string, linksOf(r)]));
    return serviceIds.map((id) => map.get(id) ?? { categoryIds: [], targetGroupIds: [], areaMunicipalityIds: [], locationIds: [] });
  });

  const licenceCategoryIds: DataLoader<string, string[]> = new DataLoader(async (licenceIds) => {
    const rows: { licence_id: string; category_id: string }[] = await em.execute(
      'select licence_id, category_id from licence_category where licence_id = any(?::uuid[])',
      [`{${licenceIds.join(',')}}`],
    );
    return groupBy(licenceIds, rows, (r) => r.licence_id).map((g) => g.map((r) => r.category_id));
  });

  const contractCategoryIds: DataLoader<string, string[]> = new DataLoader(async (contractIds) => {
    const rows: { contract_id: string; category_id: string }[] = await em.execute(
      'select contract_id, category_id from contract_category where contract_id = any(?::uuid[])',
      [`{${contractIds.join(',')}}`],
    );
    return groupBy(contractIds, rows, (r) => r.contract_id).map((g) => g.map((r) => r.category_id));
  });

  return {
    organization: new DataLoader<string, Organization | null>(async (ids) => byIds(ids, await em.find(Organization, { id: { $in: [...ids] } }))),
    location: new DataLoader<string, Location | null>(async (ids) => byIds(ids, await em.find(Location, { id: { $in: [...ids] } }))),
    servicesByOrganization: new DataLoader<string, Service[]>(async (organizationIds) => {
      const rows: Record<string, unknown>[] = await em.execute(
        `select s.*, ${SERVICE_LINK_COLUMNS} from service s where s.organization_id = any(?::uuid[]) order by s.name_sq, s.id`,
        [`{${organizationIds.join(',')}}`],
      );
      const services = rows.map((row) => {
        const { category_ids: _a, target_group_ids: _b, area_municipality_ids: _c, location_ids: _d, ...columns } = row;
        const service = readOnly(em, Service, columns);
        serviceLinks.prime(service.id, linksOf(row));
        return service;
      });
      return groupBy(organizationIds, services, (s) => s.organization.id);
    }),
    serviceLinks,
    locationsByOrganization: new DataLoader<string, Location[]>(async (organizationIds) => {
      const rows: Record<string, unknown>[] = await em.execute('select l.* from location l where l.organization_id = any(?::uuid[]) order by l.name, l.id', [
        `{${organizationIds.join(',')}}`,
      ]);
      return groupBy(organizationIds, rows.map((row) => readOnly(em, Location, row)), (l) => l.organization.id);
    }),
    licencesByOrganization: new DataLoader<string, Licence[]>(async (organizationIds) => {
      const rows: Record<string, unknown>[] = await em.execute(
        `select li.*, array(select lc.category_id from licence_category lc where lc.licence_id = li.id) as category_ids` +
          ` from licence li where li.organization_id = any(?::uuid[]) order by li.valid_from desc, li.id`,
        [`{${organizationIds.join(',')}}`],
      );
      const licences = rows.map(({ category_ids: categoryIds, ...columns }) => {
        const licence = readOnly(em, Licence, columns);
        licenceCategoryIds.prime(licence.id, categoryIds as string[]);
        return licence;
      });
      return groupBy(organizationIds, licences, (l) => l.organization.id);
    }),
    licenceCategoryIds,
    contractsByOrganization: new DataLoader<string, Contract[]>(async (organizationIds) => {
      const contracts = await em.find(Contract, { provider: { $in: [...organizationIds] } }, { orderBy: { awardDate: 'desc', id: 'asc' } });
      return groupBy(organizationIds, contracts, (c) => c.provider.id);
    }),
    contractCategoryIds,
    municipalityBoundary: new DataLoader<string, unknown>(async (municipalityIds) => {
      const rows: { id: string; boundary: unknown }[] = await em.execute('select id, boundary from municipality where id = any(?::uuid[])', [
        `{${municipalityIds.join(',')}}`,
      ]);
      const map = new Map(rows.map((r) => [r.id, r.boundary]));
      return municipalityIds.map((id) => map.get(id) ?? null);
    }),
  };
}

function linksOf(row: Record<string, unknown>): ServiceLinks {
  return {
    categoryIds: row.category_ids as string[],
    targetGroupIds: row.target_group_ids as string[],
    areaMunicipalityIds: row.area_municipality_ids as string[],
    locationIds: row.location_ids as string[],
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
