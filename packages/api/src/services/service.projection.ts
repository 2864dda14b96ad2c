import { column, type Expr, type TypeProjection } from '../core/projection';
import { NAME_AND_DESCRIPTION_FIELDS } from '../organizations/organization.projection';
const ids = (table: string, idColumn: string): Expr => (a) => `array(select x.${idColumn} from ${table} x where x.service_id = ${a}.id)`;

/** How Service's fields compile, and the services under an organization (core/projection.ts). */
export const serviceProjections: TypeProjection[] = [
  {
    type: 'Service',
    entity: 'Service',
    always: { id: column('id') },
    fields: {
      ...NAME_AND_DESCRIPTION_FIELDS,
      capacity: { props: { capacityPerYear: column('capacity_per_year') } },
      // Reference data come from the in-memory catalog: the object carries their ids.
      categories: { props: { categoryIds: ids('service_category_link', 'category_id') } },
      targetGroups: { props: { targetGroupIds: ids('service_target_group', 'target_group_id') } },
      serviceArea: { props: { areaMunicipalityIds: ids('service_area', 'municipality_id') } },
      locations: {
        list: {
          prop: 'locations',
          type: 'Location',
          source: (l, s) => `service_at_location ${l}_sl join location ${l} on ${l}.id = ${l}_sl.location_id where ${l}_sl.service_id = ${s}.id`,
          orderBy: (l) => `${l}.name, ${l}.id`,
        },
      },
    },
  },
  {
    type: 'Organization',
    fields: {
      services: {
        list: { prop: 'services', type: 'Service', source: (s, o) => `service ${s} where ${s}.organization_id = ${o}.id`, orderBy: (s) => `${s}.name_sq, ${s}.id` },
      },
    },
  },
];
