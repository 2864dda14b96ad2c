import { DEMO_NOTE, FEE_DESCRIPTIONS, FUNDING_SOURCES, HSDS_COUNTRY, HSDS_EMAIL } from './hsds-metadata';
import { constant, derived, elements, field, HsdsSqlVocabulary, iso, json, list, literal, metadata, object, uuid } from './hsds-sql-text';
import type { HsdsVocabulary } from './hsds-vocabulary';

/**
 * The HSDS 3.0 mapping (the rules of hsds-mapping.ts) as SQL: each expression's value is the JSON
 * text of one HSDS object, byte for byte what JSON.stringify of the mapper's object gives, built by
 * PostgreSQL so that an export streams rows out of COPY without building objects in Node.
 */

/** The columns of organization_list.json (hsds-mapping's organizationBasic), for the organization aliased `o`. */
function organizationBasicFields(o: string): string[] {
  const description = `coalesce(${o}.description_sq, '')`;
  const note = literal(DEMO_NOTE);
  // The JS patterns are case-insensitive over ASCII: the same in PostgreSQL's regex dialect with ~*.
  const email = HSDS_EMAIL.source;
  return [
    field('id', uuid(`${o}.id`)),
    field('name', json(`${o}.name_sq`)),
    field('alternate_name', json(`nullif(${o}.acronym, '')`)),
    field('description', json(`case when not ${o}.is_demo then ${description} when ${description} <> '' then ${description} || ' ' || ${note} else ${note} end`)),
    field('email', json(`case when ${o}.email ~* ${literal(email)} then ${o}.email end`)),
    field('website', json(`case when civimap_hsds_url(${o}.website) then ${o}.website end`)),
    field('year_incorporated', json(`${o}.year_founded`)),
    field('legal_status', json(`lower(${o}.legal_form)`)),
  ];
}

export class HsdsSql {
  private readonly sqlVocabulary: HsdsSqlVocabulary;

  constructor(vocabulary: HsdsVocabulary) {
    this.sqlVocabulary = new HsdsSqlVocabulary(vocabulary);
  }

  organizationBasic(o = 'o'): string {
    return object(organizationBasicFields(o));
  }

  /** A full organization (organization.json), its services as list items or (fullServices) in full. */
  organizationFull(options: { fullServices: boolean }, o = 'o'): string {
    const id = `${o}.id`;
    const funding = FUNDING_SOURCES.map(({ key, label, field: property }) => {
      const column = `${o}.${property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
      return `case when ${column} is not null then ${object([
        field('id', derived(id, literal(`funding:${key}`))),
        field('organization_id', uuid(id)),
        field('source', json(`${literal(`${label}: `)} || ${column}::text || '%'`)),
      ])} end`;
    });
    const phone = object([field('id', derived(id, literal('phone'))), field('organization_id', uuid(id)), field('number', json(`${o}.phone`))]);
    const identifier = object([
      field('id', derived(id, literal('identifier:ngo-registration'))),
      field('organization_id', uuid(id)),
      field('identifier_type', constant('NGO registration number (Kosovo)')),
      field('identifier', json(`${o}.registration_number`)),
    ]);
    const service = options.fullServices ? this.serviceFull({ nestLocations: false, organization: false }, 's') : this.serviceBasic('s');
    return object([
      ...organizationBasicFields(o),
      field('funding', elements(funding)),
      field('phones', `case when ${o}.phone <> '' then '[' || ${phone} || ']' end`),
      field('locations', `coalesce(${list(this.location('l'), 'l.id', `location l where l.organization_id = ${id}`)}, '[]')`),
      field('organization_identifiers', `case when ${o}.registration_number <> '' then '[' || ${identifier} || ']' end`),
      field('attributes', elements(this.organizationAttributes(o))),
      field('metadata', metadata('organization', id, `${o}.created_at`)),
      field('services', `coalesce(${list(service, 's.id', `service s where s.organization_id = ${id}`)}, '[]')`),
    ]);
  }

  private organizationAttributes(o: string): string[] {
    return this.sqlVocabulary.recordAttributes(`${o}.id`, 'organization', [
      ['demo', `case when ${o}.is_demo then 'true' end`],
      ['name-sr', `${o}.name_sr`],
      ['name-en', `${o}.name_en`],
      ['description-sr', `${o}.description_sr`],
      ['description-en', `${o}.description_en`],
      ['organization-status', `lower(${o}.status)`],
      ['public-benefit', `case when ${o}.public_benefit then 'true' end`],
      ['registration-date', `${o}.registration_date::text`],
      ['staff-count', `${o}.staff_count::text`],
      ['volunteer-count', `${o}.volunteer_count::text`],
      ['budget-band', `${o}.budget_band`],
    ]);
  }

  private serviceBasicFields(s: string): string[] {
    const fees = Object.entries(FEE_DESCRIPTIONS).map(([fee, text]) => `when ${literal(fee)} then ${literal(text)}`);
    return [
      field('id', uuid(`${s}.id`)),
      field('organization_id', uuid(`${s}.organization_id`)),
      field('name', json(`${s}.name_sq`)),
      field('description', json(`${s}.description_sq`)),
      field('status', json(`lower(${s}.status)`)),
      field('fees_description', json(`case ${s}.fee ${fees.join(' ')} end`)),
      field('eligibility_description', json(`${s}.eligibility`)),
      field('last_modified', iso(`${s}.updated_at`)),
    ];
  }

  /** A service as a list item (service_list.json). */
  serviceBasic(s = 's'): string {
    return object(this.serviceBasicFields(s));
  }

  /**
   * A full service (service.json). Inside an organization its service_at_locations name their
   * locations (the organization lists them); standalone they nest them, and the organization is there.
   */
  serviceFull(options: { nestLocations: boolean; organization: boolean }, s = 's'): string {
    const id = `${s}.id`;
    const v = this.sqlVocabulary;
    const areas = list(
      `'{"id":' || ${derived(id, `m.e ->> 'area'`)} || ',"service_id":' || ${uuid(id)} || (m.e ->> 'after')`,
      `(m.e ->> 'rank')::int`,
      `service_area x cross join lateral (select ${v.municipalities} -> x.municipality_id::text as e) m where x.service_id = ${id} and m.e is not null`,
    );
    const sal = object([
      field('id', uuid('sl.id')),
      field('service_id', uuid('sl.service_id')),
      field('location_id', uuid('sl.location_id')),
      ...(options.nestLocations ? [field('location', `(select ${this.location('l')} from location l where l.id = sl.location_id)`)] : []),
      field('metadata', metadata('service_at_location', 'sl.id', 'sl.created_at')),
    ]);
    const languages = list(
      object([
        field('id', derived(id, `'language:' || x.code`)),
        field('service_id', uuid(id)),
        field('name', json(`coalesce(${v.languages} ->> x.code, x.code)`)),
        field('code', json('x.code')),
      ]),
      'x.n',
      `unnest(${s}.languages) with ordinality x(code, n)`,
    );
    const term = (table: string, column: string, group: string) =>
      `(select string_agg('{"id":' || ${derived(id, `t.e ->> 'key'`)} || ',"link_id":' || ${uuid(id)} || (t.e ->> 'after'), ',' order by (t.e ->> 'rank')::int)
          from ${table} x cross join lateral (select ${v.terms} -> x.${column}::text as e) t
         where x.service_id = ${id} and t.e ->> 'group' = '${group}')`;
    const attributes = [
      term('service_category_link', 'category_id', 'category'),
      term('service_target_group', 'target_group_id', 'group'),
      ...v.recordAttributes(id, 'service', [
        ['demo', `case when ${s}.is_demo then 'true' end`],
        ['name-sr', `${s}.name_sr`],
        ['name-en', `${s}.name_en`],
        ['description-sr', `${s}.description_sr`],
        ['description-en', `${s}.description_en`],
        ['capacity-per-year', `${s}.capacity_per_year::text`],
        ['residential-places', `${s}.residential_places::text`],
      ]),
    ];
    return object([
      ...this.serviceBasicFields(s),
      field('service_areas', areas),
      field('service_at_locations', `coalesce(${list(sal, 'sl.id', `service_at_location sl where sl.service_id = ${id}`)}, '[]')`),
      field('languages', languages),
      ...(options.organization ? [field('organization', `(select ${this.organizationBasic('so')} from organization so where so.id = ${s}.organization_id)`)] : []),
      field('attributes', elements(attributes)),
      field('metadata', metadata('service', id, `${s}.created_at`)),
    ]);
  }

  /** A full location (hsds-mapping's location): its address, accessibility, opening hours, demo flag and change log. */
  location(l = 'l'): string {
    const id = `${l}.id`;
    const municipality = `(${this.sqlVocabulary.municipalities} -> ${l}.municipality_id::text)`;
    const address = object([
      field('id', derived(id, literal('address'))),
      field('location_id', uuid(id)),
      field('address_1', json(`coalesce(${l}.address, '')`)),
      field('city', `(${municipality} ->> 'city')`),
      field('state_province', `(${municipality} ->> 'region')`),
      `${literal(`"postal_code":"","country":${JSON.stringify(HSDS_COUNTRY)},"address_type":"physical"`)}`,
    ]);
    const note = (key: string, column: string) =>
      `case when ${l}.${column} <> '' then '[' || ${object([field('id', derived(id, literal(key))), field('location_id', uuid(id)), field('description', json(`${l}.${column}`))])} || ']' end`;
    return object([
      field('id', uuid(id)),
      `'"location_type":"physical"'`,
      field('organization_id', uuid(`${l}.organization_id`)),
      field('name', json(`${l}.name`)),
      field('latitude', json(`${l}.lat`)),
      field('longitude', json(`${l}.lng`)),
      field('addresses', `'[' || ${address} || ']'`),
      field('accessibility', note('accessibility', 'accessibility')),
      field('schedules', note('schedule', 'opening_hours')),
      field('attributes', elements(this.sqlVocabulary.recordAttributes(id, 'location', [['demo', `case when ${l}.is_demo then 'true' end`]]))),
      field('metadata', metadata('location', id, `${l}.created_at`)),
    ]);
  }
}

