import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../core/batch';
import type { WithLoaders } from '../core/context';
import { readOnly } from '../core/read-model';
import type { LocationsContext } from '../locations/location.loaders';
import { Service } from './service.entity';
import { pgArray } from '../core/sql';

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

/**
 * An organization's services with their links in one statement for a whole page; the links are
 * primed so that categories, target groups, area and sites cost nothing more.
 */
export function createServiceLoaders(em: EntityManager) {
  const serviceLinks: DataLoader<string, ServiceLinks> = new DataLoader(async (serviceIds) => {
    const rows: Record<string, unknown>[] = await em.execute(
      `select s.id, ${SERVICE_LINK_COLUMNS} from service s where s.id = any(?::uuid[])`,
      [pgArray(serviceIds)],
    );
    const map = new Map(rows.map((r) => [r.id as string, linksOf(r)]));
    return serviceIds.map((id) => map.get(id) ?? { categoryIds: [], targetGroupIds: [], areaMunicipalityIds: [], locationIds: [] });
  });

  return {
    servicesByOrganization: new DataLoader<string, Service[]>(async (organizationIds) => {
      const rows: Record<string, unknown>[] = await em.execute(
        `select s.*, ${SERVICE_LINK_COLUMNS} from service s where s.organization_id = any(?::uuid[]) order by s.name_sq, s.id`,
        [pgArray(organizationIds)],
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

export type ServiceLoaders = ReturnType<typeof createServiceLoaders>;
export type ServicesContext = LocationsContext & WithLoaders<ServiceLoaders>;
