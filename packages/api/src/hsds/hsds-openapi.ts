import { MAX_PER_PAGE } from './hsds-params';

/**
 * civimap's own OpenAPI 3.1 document of its HSDS 3.0 API: exactly the endpoints and parameters it
 * serves (the router's), with the official compiled schemas as response schemas. GET /hsds/ points
 * to it (openapi_url); the conformance suite walks it.
 */
const COMPILED = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/';
const SCHEMA = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

type Param = { description: string; schema: object; example?: string };
export const HSDS_PARAMETERS: Record<string, Param> = {
  search: { description: 'Full text search; case and diacritics are folded.', schema: { type: 'string', maxLength: 200 }, example: 'shpresa' },
  page: { description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1 }, example: '2' },
  per_page: { description: `Results per page, 1 to ${MAX_PER_PAGE} (default 50).`, schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE }, example: '3' },
  format: { description: 'json (default) or ndjson, which streams every match, one object per line, without paging.', schema: { type: 'string', enum: ['json', 'ndjson'] }, example: 'json' },
  taxonomy_term_id: { description: 'Only records with a service (or attribute) of this taxonomy term; a category term includes the categories below it.', schema: { type: 'string', format: 'uuid' } },
  taxonomy_id: { description: 'Only records with a term of this taxonomy (service categories, target groups or record fields).', schema: { type: 'string', format: 'uuid' } },
  organization_id: { description: 'Only the records of this organization.', schema: { type: 'string', format: 'uuid' } },
  modified_after: { description: 'Only records modified on or after this ISO 8601 date or date-time (UTC when no offset).', schema: { type: 'string', format: 'date-time' }, example: '2020-01-01' },
  full: { description: 'Fully nested objects instead of list items.', schema: { type: 'boolean' }, example: 'true' },
  full_service: { description: 'Organizations with their services fully nested.', schema: { type: 'boolean' }, example: 'true' },
  minimal: { description: "Every matching service as just 'id' and 'modified_date', in one page.", schema: { type: 'boolean' }, example: 'true' },
  proximity: { description: 'Metres (1 to 200,000) around the point lat/lng: only the service-at-locations whose site lies within it. Needs lat and lng.', schema: { type: 'number', minimum: 1, maximum: 200000 }, example: '50000' },
  lat: { description: 'Latitude of the proximity point, decimal degrees (WGS 84).', schema: { type: 'number', minimum: -90, maximum: 90 }, example: '42.66' },
  lng: { description: 'Longitude of the proximity point, decimal degrees (WGS 84).', schema: { type: 'number', minimum: -180, maximum: 180 }, example: '21.16' },
  top_only: { description: 'Only top-level terms (those without a parent).', schema: { type: 'boolean' }, example: 'true' },
  parent_id: { description: 'Only the terms directly below this term.', schema: { type: 'string', format: 'uuid' } },
};

export interface HsdsEndpoint {
  path: string;
  summary: string;
  parameters: string[];
  /** The schema of one list item, and of the object by id. */
  item: string;
  object: string;
}

export const HSDS_ENDPOINTS: HsdsEndpoint[] = [
  { path: '/organizations', summary: 'Organizations', parameters: ['search', 'page', 'per_page', 'format', 'full', 'full_service', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after'], item: `${COMPILED}organization_list.json`, object: `${COMPILED}organization.json` },
  { path: '/services', summary: 'Services', parameters: ['search', 'page', 'per_page', 'format', 'full', 'minimal', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after'], item: `${COMPILED}service_list.json`, object: `${COMPILED}service.json` },
  {
    path: '/service_at_locations',
    summary: 'Services at locations',
    parameters: ['search', 'page', 'per_page', 'format', 'full', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'proximity', 'lat', 'lng'],
    item: `${COMPILED}service_at_location_list.json`,
    object: `${COMPILED}service_at_location.json`,
  },
  { path: '/taxonomies', summary: 'Taxonomies', parameters: ['search', 'page', 'per_page', 'format'], item: `${SCHEMA}taxonomy.json`, object: `${SCHEMA}taxonomy.json` },
  { path: '/taxonomy_terms', summary: 'Taxonomy terms', parameters: ['search', 'page', 'per_page', 'format', 'taxonomy_id', 'top_only', 'parent_id'], item: `${SCHEMA}taxonomy_term.json`, object: `${SCHEMA}taxonomy_term.json` },
];

const PAGE = {
  type: 'object',
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  properties: {
    total_items: { type: 'integer' },
    total_pages: { type: 'integer' },
    page_number: { type: 'integer' },
    size: { type: 'integer' },
    first_page: { type: 'boolean' },
    last_page: { type: 'boolean' },
    empty: { type: 'boolean' },
    per_page: { type: 'integer' },
    max_per_page: { type: 'integer' },
  },
};

export function hsdsOpenApi(publicUrl: string, licence: { name: string; url: string }): object {
  const paths: Record<string, object> = {
    '/': { get: { summary: 'Version, profile, this document and the taxonomies', responses: { '200': { description: 'The root document.' } } } },
  };
  for (const e of HSDS_ENDPOINTS) {
    paths[e.path] = {
      get: {
        summary: `${e.summary}, a page at a time (or every match with format=ndjson)`,
        parameters: e.parameters.map((name) => ({ $ref: `#/components/parameters/${name}` })),
        responses: {
          '200': { description: 'A page.', content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Page' }, { properties: { contents: { type: 'array', items: { $ref: e.item } } } }] } } } },
          '400': { description: 'A bad parameter: error.code BAD_REQUEST, error.parameter names it.' },
        },
      },
    };
    paths[`${e.path}/{id}`] = {
      parameters: [{ in: 'path', name: 'id', required: true, description: 'The id (UUID).', schema: { type: 'string' } }],
      get: {
        summary: `One of ${e.summary.toLowerCase()} by id`,
        ...(e.path === '/organizations' ? { parameters: [{ $ref: '#/components/parameters/full_service' }] } : {}),
        responses: { '200': { description: 'The object.', content: { 'application/json': { schema: { $ref: e.object } } } }, '404': { description: 'No such id.' } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'civimap HSDS 3.0 API',
      version: '3.0',
      summary: 'Civil-society providers of social and family services in Kosovo, as Open Referral HSDS 3.0.',
      license: licence,
    },
    servers: [{ url: `${publicUrl}/hsds` }],
    paths,
    components: {
      schemas: { Page: PAGE },
      parameters: Object.fromEntries(Object.entries(HSDS_PARAMETERS).map(([name, p]) => [name, { name, in: 'query', required: false, description: p.description, schema: p.schema, ...(p.example ? { example: p.example } : {}) }])),
    },
  };
}
