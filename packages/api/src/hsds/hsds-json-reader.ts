import { RevisionAction } from '../revisions/revision.entity';
import type { Municipality } from '../geography/municipality.entity';
import { isCalendarDate } from '../core/validation';
import { isUuid } from './hsds-ids';
import { changeMetadataId, creationMetadataId, MUNICIPALITY_URN, SYSTEM_AUTHOR, type ResourceType } from './hsds-metadata';
import type { RevisionRecord } from './hsds-records';
import type { HsdsVocabulary } from './hsds-vocabulary';

/**
 * Reading one HSDS record's JSON with civimap's checks: typed getters that report what is wrong at
 * its JSON path (errors refuse the record, warnings say what is not imported), the ids it brings,
 * its attributes and its change log. One reader per record; the parsers of the organization, its
 * locations and services (hsds-parse*.ts) share it.
 */

export interface HsdsIssue {
  /** JSON path inside the record, e.g. services[0].service_at_locations[1].location_id; '' for the record itself. */
  path: string;
  code: string;
  message: string;
}

export const MAX_TEXT = 10_000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

export type Json = Record<string, unknown>;
export type RecordValues = Map<string, { value: string; path: string }>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * A change-log value back to its type: the canonical JSON text of an object, a list, a number or a
 * boolean is parsed (so that the revision holds what an edit would have written); any other text
 * stays text; "" is null. Writing the value out again gives the same text.
 */
export function changeValue(text: string | null): unknown {
  if (!text) return null;
  if (!/^[[{\-\d]|^(true|false)$/.test(text)) return text;
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value === 'string' || JSON.stringify(value) !== text) return text;
    return value;
  } catch {
    return text;
  }
}

export function parseDateTime(value: string): Date | null {
  if (!DATE_TIME.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || !isCalendarDate(value.slice(0, 10)) ? null : date;
}

export class HsdsJsonReader {
  readonly errors: HsdsIssue[] = [];
  readonly warnings: HsdsIssue[] = [];
  readonly ids: { id: string; path: string }[] = [];

  constructor(
    readonly vocabulary: HsdsVocabulary,
    /** Municipality boundaries by municipality id, when imported (sites are then checked against the polygon). */
    readonly boundaries: Map<string, unknown>,
    readonly now: () => Date,
  ) {}

  error(path: string, code: string, message: string) {
    this.errors.push({ path, code, message });
  }

  warn(path: string, code: string, message: string) {
    this.warnings.push({ path, code, message });
  }

  ignoreUnknown(object: Json, known: string[], path: string) {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) this.warn(join(path, key), 'IGNORED', `civimap does not keep "${key}"; it is not imported.`);
    }
  }

  id(object: Json, path: string, required = true): string | null {
    const value = object.id;
    if (value === undefined || value === null) {
      if (required) this.error(join(path, 'id'), 'REQUIRED', 'id is required.');
      return null;
    }
    if (!isUuid(value)) {
      this.error(join(path, 'id'), 'INVALID_UUID', `id must be a UUID; got ${JSON.stringify(value)}.`);
      return null;
    }
    const id = value.toLowerCase();
    this.ids.push({ id, path: join(path, 'id') });
    return id;
  }

  text(object: Json, key: string, path: string, options: { required?: boolean; nonBlank?: boolean; max?: number } = {}): string | null {
    const value = object[key];
    const at = join(path, key);
    if (value === undefined || value === null) {
      if (options.required) this.error(at, 'REQUIRED', `${key} is required.`);
      return null;
    }
    if (typeof value !== 'string') {
      this.error(at, 'NOT_A_STRING', `${key} must be a string; got ${typeof value}.`);
      return null;
    }
    if (options.nonBlank && !value.trim()) {
      this.error(at, 'BLANK', `${key} must not be blank.`);
      return null;
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
      this.error(at, 'CONTROL_CHARACTER', `${key} contains control characters.`);
      return null;
    }
    if (value.length > (options.max ?? MAX_TEXT)) {
      this.error(at, 'TOO_LONG', `${key} may be at most ${options.max ?? MAX_TEXT} characters; it has ${value.length}.`);
      return null;
    }
    return value;
  }

  array(object: Json, key: string, path: string): Json[] {
    const value = object[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.error(join(path, key), 'NOT_AN_ARRAY', `${key} must be an array.`);
      return [];
    }
    return value.filter((item, i) => {
      if (isObject(item)) return true;
      this.error(`${join(path, key)}[${i}]`, 'NOT_AN_OBJECT', `each entry of ${key} must be an object.`);
      return false;
    });
  }

  municipalityOf(name: string | null, uri: string | null, path: string): Municipality | null {
    if (uri?.startsWith(MUNICIPALITY_URN)) {
      const byCode = this.vocabulary.catalog.municipalitiesByCode.get(uri.slice(MUNICIPALITY_URN.length));
      if (byCode) return byCode;
    }
    const byName = name ? this.vocabulary.municipalityByName(name) : null;
    if (!byName) this.error(path, 'UNKNOWN_MUNICIPALITY', `"${name ?? uri ?? ''}" is not one of Kosovo's 38 municipalities.`);
    return byName;
  }

  /** Attribute values by record-term code; classification terms returned separately. */
  attributes(object: Json, path: string, entity: ResourceType) {
    const values: RecordValues = new Map();
    const categories: string[] = [];
    const groups: string[] = [];
    this.array(object, 'attributes', path).forEach((attribute, i) => {
      const at = `${join(path, 'attributes')}[${i}]`;
      const nested = isObject(attribute.taxonomy_term) ? attribute.taxonomy_term : null;
      const termId = attribute.taxonomy_term_id ?? nested?.id;
      let term = isUuid(termId) ? this.vocabulary.resolveTerm(termId) : null;
      if (!term && nested && typeof nested.code === 'string') {
        const code = nested.code;
        const category = this.vocabulary.catalog.categoriesByCode.get(code);
        const group = this.vocabulary.catalog.targetGroupsByCode.get(code);
        const record = this.vocabulary.recordTerms.get(code);
        if (nested.taxonomy === 'civimap-service-categories' && category) term = { kind: 'category', category };
        else if (nested.taxonomy === 'civimap-target-groups' && group) term = { kind: 'targetGroup', group };
        else if (nested.taxonomy === 'civimap-record' && record) term = { kind: 'record', term: record };
      }
      if (!term && typeof attribute.link_type === 'string' && attribute.taxonomy_term_id === undefined && !nested) {
        const record = this.vocabulary.recordTerms.get(attribute.link_type);
        if (record) term = { kind: 'record', term: record };
      }
      if (!term) {
        this.error(join(at, 'taxonomy_term_id'), 'UNKNOWN_TAXONOMY_TERM', `The taxonomy term ${JSON.stringify(termId ?? null)} is not a civimap term (see /hsds/taxonomy_terms).`);
        return;
      }
      if (term.kind !== 'record') {
        if (entity !== 'service') return this.warn(at, 'IGNORED', `Only services are classified by ${term.kind === 'category' ? 'category' : 'target group'}; ignored here.`);
        (term.kind === 'category' ? categories : groups).push(term.kind === 'category' ? term.category.id : term.group.id);
        return;
      }
      const value = attribute.value;
      if (typeof value !== 'string') return this.error(join(at, 'value'), 'NOT_A_STRING', `The value of "${term.term.code}" must be a string.`);
      if (values.has(term.term.code)) return this.error(at, 'DUPLICATE_ATTRIBUTE', `"${term.term.code}" is given twice.`);
      values.set(term.term.code, { value, path: join(at, 'value') });
    });
    return { values, categories, groups };
  }

  recordText(values: RecordValues, code: string): string | null {
    const entry = values.get(code);
    if (!entry) return null;
    if (entry.value.length > MAX_TEXT) {
      this.error(entry.path, 'TOO_LONG', `${code} may be at most ${MAX_TEXT} characters.`);
      return null;
    }
    return entry.value;
  }

  recordInteger(values: RecordValues, code: string, max: number): number | null {
    const entry = values.get(code);
    if (!entry) return null;
    if (!/^\d+$/.test(entry.value) || Number(entry.value) > max) {
      this.error(entry.path, 'INVALID_NUMBER', `${code} must be a whole number from 0 to ${max}; got "${entry.value}".`);
      return null;
    }
    return Number(entry.value);
  }

  recordFlag(values: RecordValues, code: string): boolean {
    const entry = values.get(code);
    if (!entry) return false;
    if (entry.value !== 'true' && entry.value !== 'false') {
      this.error(entry.path, 'INVALID_BOOLEAN', `${code} must be "true" or "false"; got "${entry.value}".`);
      return false;
    }
    return entry.value === 'true';
  }

  unexpectedRecordFields(values: RecordValues, allowed: string[]) {
    for (const [code, entry] of values) {
      if (!allowed.includes(code)) this.warn(entry.path, 'IGNORED', `"${code}" does not apply here; ignored.`);
    }
  }

  /** The change log back to revisions; a civimap "create" entry gives the creation time instead. */
  metadata(object: Json, path: string, resourceId: string, entityType: string) {
    const revisions: RevisionRecord[] = [];
    let createdAt: Date | null = null;
    let current: RevisionRecord | null = null;
    // Without a valid id of its own the object is already refused; its change log cannot be tied to it.
    if (!isUuid(resourceId)) return { revisions, createdAt: createdAt as Date | null };
    this.array(object, 'metadata', path).forEach((entry, i) => {
      const at = `${join(path, 'metadata')}[${i}]`;
      const before = this.errors.length;
      const id = isUuid(entry.id) ? entry.id.toLowerCase() : null;
      if (!id) this.error(join(at, 'id'), entry.id === undefined ? 'REQUIRED' : 'INVALID_UUID', 'A metadata entry needs a UUID id.');
      else this.ids.push({ id, path: join(at, 'id') });
      const strings = ['last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'].map((key) =>
        this.text(entry, key, at, { required: true }),
      );
      const [dateText, type, field, previous, replacement, author] = strings;
      const date = dateText === null ? null : parseDateTime(dateText) ?? (isCalendarDate(dateText) ? new Date(`${dateText}T00:00:00Z`) : null);
      if (dateText !== null && !date) this.error(join(at, 'last_action_date'), 'INVALID_DATE', `last_action_date must be a date or an ISO 8601 date-time; got "${dateText}".`);
      if (entry.resource_id !== undefined && String(entry.resource_id).toLowerCase() !== resourceId) {
        this.error(join(at, 'resource_id'), 'MISMATCHED_RESOURCE', `resource_id ${JSON.stringify(entry.resource_id)} is not the id of the object it is under (${resourceId}).`);
      }
      if (this.errors.length > before || !id || !date) return;
      if (id === creationMetadataId(resourceId) && type === 'create') {
        createdAt = date;
        return;
      }
      if (current && id === changeMetadataId(current.id, current.changes.length) && field) {
        current.changes.push({ field, old: changeValue(previous), new: changeValue(replacement) });
        return;
      }
      const action = (type ?? '').toUpperCase();
      if (!(Object.values(RevisionAction) as string[]).includes(action)) {
        this.warn(join(at, 'last_action_type'), 'UNKNOWN_ACTION', `"${type}" is kept as an update.`);
      }
      current = {
        id,
        createdAt: date,
        entityType,
        entityId: resourceId,
        action: (Object.values(RevisionAction) as string[]).includes(action) && action !== 'IMPORT' ? action : 'UPDATE',
        changes: field ? [{ field, old: changeValue(previous), new: changeValue(replacement) }] : [],
        authorName: author && author !== SYSTEM_AUTHOR ? author : null,
        reason: null,
      };
      revisions.push(current);
    });
    return { revisions, createdAt: createdAt as Date | null };
  }
}
