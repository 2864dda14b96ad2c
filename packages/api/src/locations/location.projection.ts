import { column, type TypeProjection } from '../core/projection';

/** How Location's fields compile, and the sites under an organization (core/projection.ts). */
export const locationProjections: TypeProjection[] = [
  {
    type: 'Location',
    entity: 'Location',
    always: { id: column('id') },
    fields: { point: { props: { lat: column('lat'), lng: column('lng') } } },
  },
  {
    type: 'Organization',
    fields: {
      locations: {
        list: { prop: 'locations', type: 'Location', source: (l, o) => `location ${l} where ${l}.organization_id = ${o}.id`, orderBy: (l) => `${l}.name, ${l}.id` },
      },
    },
  },
];
