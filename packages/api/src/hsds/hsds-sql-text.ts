import type { Sql } from '../core/sql';
import { byPositionThenCode, byCode } from './hsds-mapping';
import { LANGUAGE_NAMES, MUNICIPALITY_URN, RECORD_ENTITY_TYPES, SYSTEM_AUTHOR, IMPORTED_AUTHOR_PREFIX, type ResourceType } from './hsds-metadata';
import type { HsdsObject } from './hsds-records';
import { type HsdsVocabulary, recordTermId } from './hsds-vocabulary';

/**
 * The pieces the HSDS documents of hsds-sql.ts are written with: SQL expressions whose value is the
 * JSON text JSON.stringify would write for the same object (no spaces, keys in the mapping's order,
 * a key left out when its value is null, as `compact` does). `to_json` escapes a string exactly as
 * JSON.stringify does (`\"`, `\\`, `\b\f\n\r\t`, other control characters as lower-case `\u00xx`).
 */

/** A SQL string literal; E'' so that a backslash means the same whatever standard_conforming_strings says. */
export const literal = (value: string) => `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/** The JSON text of a SQL value (text, number, boolean); null stays null. */
export const json = (expr: string) => `to_json(${expr})::text`;
/** A JSON text known in advance. */
export const constant = (value: unknown) => literal(JSON.stringify(value));
/** `"key":value`, or null (left out of its object) when the value is null. */
export const field = (key: string, valueJson: string) => `${literal(`${JSON.stringify(key)}:`)} || ${valueJson}`;
/** An object of fields in this order, without the null ones. */
export const object = (fields: string[]) => `'{' || concat_ws(',', ${fields.join(', ')}) || '}'`;
/** A JSON array of the non-null elements, or null when there are none. */
export const elements = (items: string[]) => `'[' || nullif(concat_ws(',', ${items.join(', ')}), '') || ']'`;
/** A JSON array of the rows' `doc`, in `order`; null when there are no rows. */
export const list = (doc: string, order: string, from: string) => `(select '[' || string_agg(${doc}, ',' order by ${order}) || ']' from ${from})`;
export const uuid = (expr: string) => `'"' || ${expr}::text || '"'`;
/** hsds-ids' derivedId(owner, key): UUID v5 in the owner's namespace. */
export const derived = (owner: string, keyExpr: string) => `'"' || uuid_generate_v5(${owner}, ${keyExpr})::text || '"'`;
/** `Date.toISOString()` of a timestamptz (milliseconds, truncated, as the driver's dates are). */
export const iso = (expr: string) => `'"' || to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'`;

/** The `?` placeholders of a fragment replaced by literals: COPY takes no parameters. */
export function inline(fragment: Sql): string {
  let index = 0;
  const text = fragment.text.replace(/\?/g, () => {
    const value = fragment.params[index++];
    if (value instanceof Date) return `${literal(value.toISOString())}::timestamptz`;
    if (typeof value === 'number' && Number.isFinite(value)) return `(${value})`;
    if (typeof value === 'boolean') return String(value);
    if (typeof value === 'string') return literal(value);
    throw new Error(`HSDS SQL: cannot inline ${typeof value}`);
  });
  if (index !== fragment.params.length) throw new Error('HSDS SQL: placeholders and parameters differ');
  return text;
}

/** valueText of hsds-metadata for a jsonb value: a string as it is, nothing as "", anything else as JSON. */
const valueText = (v: string) => `case when ${v} is null or jsonb_typeof(${v}) = 'null' then '' when jsonb_typeof(${v}) = 'string' then ${v} #>> '{}' else civimap_js_json(${v}) end`;

const authorOf = `coalesce(nullif(u.display_name, ''), case when left(r.reason, ${IMPORTED_AUTHOR_PREFIX.length}) = ${literal(IMPORTED_AUTHOR_PREFIX)} then substr(r.reason, ${IMPORTED_AUTHOR_PREFIX.length + 1}) end, ${literal(SYSTEM_AUTHOR)})`;
const NO_CHANGE = `'[{"field":"","old":null,"new":null}]'::jsonb`;

/** hsds-metadata's metadataEntries: one entry per changed field of each revision, else one "create" entry. */
export function metadata(type: ResourceType, id: string, createdAt: string): string {
  const entry = object([
    field('id', `case when c.n = 1 then ${uuid('r.id')} else ${derived('r.id', `'metadata:change:' || (c.n - 1)`)} end`),
    field('resource_id', uuid(id)),
    field('resource_type', constant(type)),
    field('last_action_date', iso('r.created_at')),
    field('last_action_type', json('lower(r.action)')),
    field('field_name', json(`coalesce(c.change ->> 'field', '')`)),
    field('previous_value', json(valueText(`(c.change -> 'old')`))),
    field('replacement_value', json(valueText(`(c.change -> 'new')`))),
    field('updated_by', json(authorOf)),
  ]);
  const created = object([
    field('id', derived(id, literal('metadata:created'))),
    field('resource_id', uuid(id)),
    field('resource_type', constant(type)),
    field('last_action_date', iso(createdAt)),
    `${literal('"last_action_type":"create","field_name":"","previous_value":"","replacement_value":"","updated_by":')} || ${constant(SYSTEM_AUTHOR)}`,
  ]);
  const changes = `case when jsonb_typeof(r.changes) = 'array' and jsonb_array_length(r.changes) > 0 then r.changes else ${NO_CHANGE} end`;
  const revisions = list(
    entry,
    `date_trunc('milliseconds', r.created_at), r.id, c.n`,
    `revision r left join app_user u on u.id = r.author_id cross join lateral jsonb_array_elements(${changes}) with ordinality c(change, n)
      where r.entity_type = any(${literal(`{${RECORD_ENTITY_TYPES.join(',')}}`)}::text[]) and r.entity_id = ${id} and r.action <> 'IMPORT'`,
  );
  return `coalesce(${revisions}, '[' || ${created} || ']')`;
}

/**
 * The reference data as jsonb constants the documents look up by id: per category and target group
 * its attribute's derived-id key, rank and the JSON after `link_id`; per municipality the address's
 * city and region and the service area's key, rank and JSON after `service_id`.
 */
export class HsdsSqlVocabulary {
  readonly terms: string;
  readonly municipalities: string;
  readonly languages: string;

  constructor(readonly vocabulary: HsdsVocabulary) {
    const catalog = vocabulary.catalog;
    const terms: Record<string, unknown> = {};
    const addTerms = (term: HsdsObject, id: string, rank: number, group: 'category' | 'group') => {
      const key = `attribute:${term.taxonomy as string}:${term.code as string}`;
      const after = JSON.stringify({ taxonomy_term_id: term.id, link_type: term.taxonomy, link_entity: 'service', taxonomy_term: term });
      terms[id] = { group, rank, key, after: `,${after.slice(1)}` };
    };
    [...catalog.categories].sort(byPositionThenCode).forEach((c, rank) => addTerms(vocabulary.categoryTerm(c), c.id, rank, 'category'));
    [...catalog.targetGroups].sort(byPositionThenCode).forEach((g, rank) => addTerms(vocabulary.targetGroupTerm(g), g.id, rank, 'group'));
    const municipalities: Record<string, unknown> = {};
    [...catalog.municipalities].sort(byCode).forEach((m, rank) => {
      municipalities[m.id] = {
        city: JSON.stringify(m.names.sq),
        region: JSON.stringify(catalog.regionOf(m).names.sq),
        rank,
        area: `service-area:${m.code}`,
        after: `,${JSON.stringify({ name: m.names.sq, uri: `${MUNICIPALITY_URN}${m.code}` }).slice(1)}`,
      };
    });
    this.terms = `${literal(JSON.stringify(terms))}::jsonb`;
    this.municipalities = `${literal(JSON.stringify(municipalities))}::jsonb`;
    this.languages = `${literal(JSON.stringify(LANGUAGE_NAMES))}::jsonb`;
  }

  /** The attributes of the civimap-record taxonomy (hsds-mapping's recordAttributes), in the order given; null when all are null. */
  recordAttributes(owner: string, entity: ResourceType, values: [string, string][]): string[] {
    return values.map(([code, value]) => {
      const term = this.vocabulary.recordTerms.get(code);
      if (!term) throw new Error(`HSDS SQL: unknown record term ${code}`);
      const between = JSON.stringify({ taxonomy_term_id: recordTermId(code), link_type: code, link_entity: entity, value: '' }).slice(1, -3);
      const after = `,${JSON.stringify({ taxonomy_term: this.vocabulary.recordTerm(term) }).slice(1)}`;
      return `case when (${value}) is not null then '{"id":' || ${derived(owner, literal(`attribute:civimap-record:${code}`))} || ',"link_id":' || ${uuid(owner)} || ${literal(`,${between}`)} || ${json(value)} || ${literal(after)} end`;
    });
  }
}
