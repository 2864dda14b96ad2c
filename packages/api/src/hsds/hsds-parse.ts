import { RevisionAction } from '../revisions/revision.entity';
import { foldName } from '../geography/boundaries-import';
import type { Municipality } from '../geography/municipality.entity';
import { checkPointInMunicipality } from '../geography/point-in-municipality';
import { BudgetBand, LegalForm, OrganizationStatus } from '../organizations/organization.enums';
import { ServiceStatus } from '../services/service.enums';
import { isCalendarDate, LIMITS } from '../core/validation';
import { isUuid } from './hsds-ids';
import {
  changeMetadataId,
  creationMetadataId,
  FEE_DESCRIPTIONS,
  FUNDING_SOURCES,
  isHsdsEmail,
  isHsdsUrl,
  MUNICIPALITY_URN,
  SYSTEM_AUTHOR,
  DEMO_NOTE,
  type ResourceType,
} from './hsds-metadata';
import type { LocationRecord, OrganizationBundle, OrganizationRecord, RevisionRecord, ServiceAtLocationRecord, ServiceRecord, Texts } from './hsds-records';
import type { HsdsVocabulary } from './hsds-vocabulary';

/**
 * HSDS 3.0 organization objects (as /hsds/organizations?full_service=true emits them) back to civimap
 * rows, checking everything civimap needs; pure, so the import (src/imports/hsds-import.ts) adds only
 * what needs the database: existing ids and duplicates. Reads exactly what hsds-mapping.ts writes,
 * so that export, import, export gives the same bytes.
 */

export interface HsdsIssue {
  /** JSON path inside the record, e.g. services[0].service_at_locations[1].location_id; '' for the record itself. */
  path: string;
  code: string;
  message: string;
}

export interface ParsedHsdsOrganization {
  bundle: OrganizationBundle;
  /** Every id the record brings (organization, services, locations, service-at-locations) with its path. */
  ids: { id: string; path: string }[];
  /** The municipalities of its locations (for duplicate detection by name and place). */
  municipalityIds: string[];
}

export interface ParseResult {
  parsed: ParsedHsdsOrganization | null;
  errors: HsdsIssue[];
  warnings: HsdsIssue[];
}

export const MAX_TEXT = 10_000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const LANGUAGE = /^[a-z]{2,3}$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Properties of an organization, service and location that civimap reads; others are reported as ignored. */
const KNOWN = {
  organization: ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'year_incorporated', 'legal_status', 'funding', 'phones', 'locations', 'organization_identifiers', 'attributes', 'metadata', 'services'],
  service: ['id', 'organization_id', 'name', 'description', 'status', 'fees_description', 'eligibility_description', 'last_modified', 'service_areas', 'service_at_locations', 'languages', 'organization', 'attributes', 'metadata'],
  location: ['id', 'location_type', 'organization_id', 'name', 'latitude', 'longitude', 'addresses', 'accessibility', 'schedules', 'attributes', 'metadata'],
};

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


function parseDateTime(value: string): Date | null {
  if (!DATE_TIME.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || !isCalendarDate(value.slice(0, 10)) ? null : date;
}

export class HsdsOrganizationParser {
  private errors: HsdsIssue[] = [];
  private warnings: HsdsIssue[] = [];
  private ids: { id: string; path: string }[] = [];

  constructor(
    private readonly vocabulary: HsdsVocabulary,
    /** Municipality boundaries by municipality id, when imported (sites are then checked against the polygon). */
    private readonly boundaries: Map<string, unknown> = new Map(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  private error(path: string, code: string, message: string) {
    this.errors.push({ path, code, message });
  }

  private warn(path: string, code: string, message: string) {
    this.warnings.push({ path, code, message });
  }

  private ignoreUnknown(object: Json, known: string[], path: string) {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) this.warn(join(path, key), 'IGNORED', `civimap does not keep "${key}"; it is not imported.`);
    }
  }

  private id(object: Json, path: string, required = true): string | null {
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

  private text(object: Json, key: string, path: string, options: { required?: boolean; nonBlank?: boolean; max?: number } = {}): string | null {
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

  private array(object: Json, key: string, path: string): Json[] {
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

  private municipalityOf(name: string | null, uri: string | null, path: string): Municipality | null {
    if (uri?.startsWith(MUNICIPALITY_URN)) {
      const byCode = this.vocabulary.catalog.municipalitiesByCode.get(uri.slice(MUNICIPALITY_URN.length));
      if (byCode) return byCode;
    }
    const byName = name ? this.vocabulary.municipalityByName(name) : null;
    if (!byName) this.error(path, 'UNKNOWN_MUNICIPALITY', `"${name ?? uri ?? ''}" is not one of Kosovo's 38 municipalities.`);
    return byName;
  }

  /** Attribute values by record-term code; classification terms returned separately. */
  private attributes(object: Json, path: string, entity: ResourceType) {
    const values = new Map<string, { value: string; path: string }>();
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

  private recordText(values: Map<string, { value: string; path: string }>, code: string): string | null {
    const entry = values.get(code);
    if (!entry) return null;
    if (entry.value.length > MAX_TEXT) {
      this.error(entry.path, 'TOO_LONG', `${code} may be at most ${MAX_TEXT} characters.`);
      return null;
    }
    return entry.value;
  }

  private recordInteger(values: Map<string, { value: string; path: string }>, code: string, max: number): number | null {
    const entry = values.get(code);
    if (!entry) return null;
    if (!/^\d+$/.test(entry.value) || Number(entry.value) > max) {
      this.error(entry.path, 'INVALID_NUMBER', `${code} must be a whole number from 0 to ${max}; got "${entry.value}".`);
      return null;
    }
    return Number(entry.value);
  }

  private recordFlag(values: Map<string, { value: string; path: string }>, code: string): boolean {
    const entry = values.get(code);
    if (!entry) return false;
    if (entry.value !== 'true' && entry.value !== 'false') {
      this.error(entry.path, 'INVALID_BOOLEAN', `${code} must be "true" or "false"; got "${entry.value}".`);
      return false;
    }
    return entry.value === 'true';
  }

  private unexpectedRecordFields(values: Map<string, { value: string; path: string }>, allowed: string[]) {
    for (const [code, entry] of values) {
      if (!allowed.includes(code)) this.warn(entry.path, 'IGNORED', `"${code}" does not apply here; ignored.`);
    }
  }

  /** The change log back to revisions; a civimap "create" entry gives the creation time instead. */
  private metadata(object: Json, path: string, resourceId: string, entityType: string, organizationId: string) {
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
      void organizationId;
      revisions.push(current);
    });
    return { revisions, createdAt: createdAt as Date | null };
  }

  parse(record: unknown): ParseResult {
    this.errors = [];
    this.warnings = [];
    this.ids = [];
    if (!isObject(record)) {
      this.error('', 'NOT_AN_OBJECT', 'Each line must be one HSDS organization object.');
      return { parsed: null, errors: this.errors, warnings: this.warnings };
    }
    const parsed = this.organization(record);
    return { parsed: this.errors.length ? null : parsed, errors: this.errors, warnings: this.warnings };
  }

  private organization(o: Json): ParsedHsdsOrganization | null {
    this.ignoreUnknown(o, KNOWN.organization, '');
    const id = this.id(o, '');
    const name = this.text(o, 'name', '', { required: true, nonBlank: true, max: LIMITS.name });
    const acronym = this.text(o, 'alternate_name', '');
    let description = this.text(o, 'description', '', { required: true });
    const email = this.text(o, 'email', '', { max: 254 });
    if (email !== null && !isHsdsEmail(email)) this.error('email', 'INVALID_EMAIL', `"${email}" is not an email address.`);
    const website = this.text(o, 'website', '', { max: LIMITS.url });
    if (website !== null && !isHsdsUrl(website)) this.error('website', 'INVALID_URL', `"${website}" is not an http or https URL.`);
    let yearFounded: number | null = null;
    if (o.year_incorporated !== undefined && o.year_incorporated !== null) {
      const year = o.year_incorporated;
      const thisYear = this.now().getUTCFullYear();
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 1800 || year > thisYear) {
        this.error('year_incorporated', 'INVALID_YEAR', `year_incorporated must be a year from 1800 to ${thisYear}; got ${JSON.stringify(year)}.`);
      } else yearFounded = year;
    }
    let legalForm = LegalForm.ASSOCIATION;
    const legal = this.text(o, 'legal_status', '');
    if (legal !== null) {
      const upper = legal.toUpperCase();
      if ((Object.values(LegalForm) as string[]).includes(upper)) legalForm = upper as LegalForm;
      else this.error('legal_status', 'UNKNOWN_LEGAL_STATUS', `legal_status must be association, foundation or other; got "${legal}".`);
    }

    const funding: Partial<Record<(typeof FUNDING_SOURCES)[number]['field'], number>> = {};
    this.array(o, 'funding', '').forEach((entry, i) => {
      const at = `funding[${i}]`;
      this.id(entry, at, false);
      const source = this.text(entry, 'source', at);
      const match = source ? /^(.+): (\d{1,3})%$/.exec(source) : null;
      const kind = match ? FUNDING_SOURCES.find((f) => f.label === match[1]) : undefined;
      if (!match || !kind) return this.warn(join(at, 'source'), 'IGNORED', `civimap keeps funding as shares ("Public sources: 40%", "Foreign donors", "Own revenue", "Other"); "${source ?? ''}" is not imported.`);
      const pct = Number(match[2]);
      if (pct > 100) return this.error(join(at, 'source'), 'INVALID_PERCENTAGE', `A funding share must be from 0 to 100%; got ${pct}%.`);
      if (funding[kind.field] !== undefined) return this.error(join(at, 'source'), 'DUPLICATE_FUNDING', `${kind.label} is given twice.`);
      funding[kind.field] = pct;
    });
    const shares = Object.values(funding) as number[];
    if (shares.length && shares.reduce((a, b) => a + b, 0) > 100) this.error('funding', 'FUNDING_OVER_100', `The funding shares add up to ${shares.reduce((a, b) => a + b, 0)}%, more than 100%.`);

    const phones = this.array(o, 'phones', '');
    let phone: string | null = null;
    phones.forEach((entry, i) => {
      this.id(entry, `phones[${i}]`, false);
      const number = this.text(entry, 'number', `phones[${i}]`, { required: true, max: 40 });
      const digits = number?.replace(/\D/g, '').length ?? 0;
      // The registry's own rule (see editing/validation.ts), so that what civimap exports it imports again.
      if (number !== null && (!/^\+?[0-9][0-9 ()./-]*$/.test(number) || digits < 6 || digits > 15)) {
        this.error(`phones[${i}].number`, 'INVALID_PHONE', `"${number}" is not a phone number: digits, spaces and + ( ) - . / only, 6 to 15 digits.`);
      } else if (i === 0) phone = number;
      else this.warn(`phones[${i}]`, 'IGNORED', 'civimap keeps one phone number per organization; the others are not imported.');
    });

    let registrationNumber: string | null = null;
    this.array(o, 'organization_identifiers', '').forEach((entry, i) => {
      const at = `organization_identifiers[${i}]`;
      this.id(entry, at, false);
      const identifier = this.text(entry, 'identifier', at, { required: true, nonBlank: true, max: LIMITS.shortText });
      this.text(entry, 'identifier_type', at, { required: true });
      if (identifier === null) return;
      if (registrationNumber === null) registrationNumber = identifier;
      else this.warn(at, 'IGNORED', 'civimap keeps one registration number; the others are not imported.');
    });

    const { values } = this.attributes(o, '', 'organization');
    this.unexpectedRecordFields(values, ['demo', 'name-sr', 'name-en', 'description-sr', 'description-en', 'organization-status', 'public-benefit', 'registration-date', 'staff-count', 'volunteer-count', 'budget-band']);
    const isDemo = this.recordFlag(values, 'demo');
    if (isDemo && description !== null) {
      if (description === DEMO_NOTE) description = '';
      else if (description.endsWith(` ${DEMO_NOTE}`)) description = description.slice(0, -(DEMO_NOTE.length + 1));
    }
    let status = OrganizationStatus.ACTIVE;
    const statusEntry = values.get('organization-status');
    if (statusEntry) {
      const upper = statusEntry.value.toUpperCase();
      if ((Object.values(OrganizationStatus) as string[]).includes(upper)) status = upper as OrganizationStatus;
      else this.error(statusEntry.path, 'UNKNOWN_STATUS', `organization-status must be active, inactive or closed; got "${statusEntry.value}".`);
    }
    const registrationDate = this.recordText(values, 'registration-date');
    if (registrationDate !== null && !isCalendarDate(registrationDate)) this.error(values.get('registration-date')!.path, 'INVALID_DATE', `registration-date must be a date YYYY-MM-DD; got "${registrationDate}".`);
    const budget = values.get('budget-band');
    if (budget && !(Object.values(BudgetBand) as string[]).includes(budget.value)) this.error(budget.path, 'UNKNOWN_BUDGET_BAND', `budget-band must be one of ${Object.values(BudgetBand).join(', ')}; got "${budget.value}".`);

    const organizationId = id ?? '00000000-0000-0000-0000-000000000000';
    const metadata = this.metadata(o, '', organizationId, 'Organization', organizationId);

    const locations: LocationRecord[] = [];
    const revisions: RevisionRecord[] = [...metadata.revisions];
    this.array(o, 'locations', '').forEach((entry, i) => {
      const location = this.location(entry, `locations[${i}]`, organizationId, revisions);
      if (location) locations.push(location);
    });
    const locationIds = new Set(locations.map((l) => l.id));
    const services: ServiceRecord[] = [];
    const sals: ServiceAtLocationRecord[] = [];
    this.array(o, 'services', '').forEach((entry, i) => {
      const service = this.service(entry, `services[${i}]`, organizationId, locationIds, sals, revisions);
      if (service) services.push(service);
    });

    const seen = new Map<string, string>();
    for (const { id: each, path } of this.ids) {
      if (seen.has(each)) this.error(path, 'REPEATED_ID', `The id ${each} is also used at ${seen.get(each) || 'the organization'}.`);
      else seen.set(each, path);
    }
    if (!id || name === null) return null;
    const now = this.now();
    const organization: OrganizationRecord = {
      id,
      createdAt: metadata.createdAt ?? metadata.revisions[0]?.createdAt ?? now,
      updatedAt: now,
      names: { sq: name, sr: this.recordText(values, 'name-sr'), en: this.recordText(values, 'name-en') },
      acronym,
      descriptions: { sq: description || null, sr: this.recordText(values, 'description-sr'), en: this.recordText(values, 'description-en') },
      legalForm,
      registrationNumber,
      registrationDate,
      publicBenefit: this.recordFlag(values, 'public-benefit'),
      website,
      email,
      phone,
      yearFounded,
      staffCount: this.recordInteger(values, 'staff-count', 1_000_000),
      volunteerCount: this.recordInteger(values, 'volunteer-count', 1_000_000),
      budgetBand: budget?.value ?? null,
      fundingPublicPct: funding.fundingPublicPct ?? null,
      fundingForeignPct: funding.fundingForeignPct ?? null,
      fundingOwnPct: funding.fundingOwnPct ?? null,
      fundingOtherPct: funding.fundingOtherPct ?? null,
      status,
      isDemo,
    };
    return {
      bundle: { organization, services, locations, serviceAtLocations: sals, revisions },
      ids: this.ids,
      municipalityIds: [...new Set(locations.map((l) => l.municipalityId))],
    };
  }

  private location(l: Json, path: string, organizationId: string, revisions: RevisionRecord[]): LocationRecord | null {
    this.ignoreUnknown(l, KNOWN.location, path);
    const id = this.id(l, path);
    const type = this.text(l, 'location_type', path, { required: true });
    if (type !== null && type !== 'physical') this.error(join(path, 'location_type'), 'UNSUPPORTED_LOCATION_TYPE', `civimap keeps physical sites only; got "${type}".`);
    if (l.organization_id !== undefined && String(l.organization_id).toLowerCase() !== organizationId) {
      this.error(join(path, 'organization_id'), 'MISMATCHED_ORGANIZATION', `organization_id ${JSON.stringify(l.organization_id)} is not the organization this location is under.`);
    }
    const name = this.text(l, 'name', path, { max: LIMITS.name });
    const lat = l.latitude;
    const lng = l.longitude;
    let point = true;
    for (const [key, value] of [['latitude', lat], ['longitude', lng]] as const) {
      if (value === undefined || value === null) {
        this.error(join(path, key), 'REQUIRED', `${key} is required: civimap shows every site on the map.`);
        point = false;
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        this.error(join(path, key), 'NOT_A_NUMBER', `${key} must be a number; got ${JSON.stringify(value)}.`);
        point = false;
      }
    }
    const addresses = this.array(l, 'addresses', path);
    let municipality: Municipality | null = null;
    let address: string | null = null;
    if (!addresses.length) this.error(join(path, 'addresses'), 'MISSING_ADDRESS', 'A location needs an address whose city is its municipality.');
    addresses.forEach((a, i) => {
      const at = `${join(path, 'addresses')}[${i}]`;
      this.id(a, at, false);
      if (i > 0) return this.warn(at, 'IGNORED', 'civimap keeps one address per site; the others are not imported.');
      const line = this.text(a, 'address_1', at, { required: true });
      address = line || null;
      const city = this.text(a, 'city', at, { required: true, nonBlank: true });
      const country = this.text(a, 'country', at);
      if (country !== null && country.toUpperCase() !== 'XK') this.error(join(at, 'country'), 'OUTSIDE_KOSOVO', `civimap lists sites in Kosovo (XK); got "${country}".`);
      if (city !== null) municipality = this.municipalityOf(city, null, join(at, 'city'));
    });
    const found = municipality as Municipality | null;
    if (point && found) {
      const check = checkPointInMunicipality(lat as number, lng as number, { ...found, boundary: this.boundaries.get(found.id) ?? null });
      if (!check.ok) this.error(join(path, 'latitude'), check.code, check.message);
    }
    const accessibility = this.array(l, 'accessibility', path);
    const schedules = this.array(l, 'schedules', path);
    accessibility.forEach((a, i) => this.id(a, `${join(path, 'accessibility')}[${i}]`, false));
    schedules.forEach((s, i) => this.id(s, `${join(path, 'schedules')}[${i}]`, false));
    const { values } = this.attributes(l, path, 'location');
    this.unexpectedRecordFields(values, ['demo']);
    const isDemo = this.recordFlag(values, 'demo');
    const metadata = this.metadata(l, path, id ?? '', 'Location', organizationId);
    revisions.push(...metadata.revisions);
    if (!id || !found || !point) return null;
    const now = this.now();
    return {
      id,
      organizationId,
      createdAt: metadata.createdAt ?? metadata.revisions[0]?.createdAt ?? now,
      updatedAt: now,
      name,
      address,
      municipalityId: found.id,
      lat: lat as number,
      lng: lng as number,
      accessibility: accessibility.length ? this.text(accessibility[0], 'description', `${join(path, 'accessibility')}[0]`) : null,
      openingHours: schedules.length ? this.text(schedules[0], 'description', `${join(path, 'schedules')}[0]`) : null,
      isDemo,
    };
  }

  private service(
    s: Json,
    path: string,
    organizationId: string,
    locationIds: Set<string>,
    sals: ServiceAtLocationRecord[],
    revisions: RevisionRecord[],
  ): ServiceRecord | null {
    this.ignoreUnknown(s, KNOWN.service, path);
    const id = this.id(s, path);
    if (s.organization_id !== undefined && String(s.organization_id).toLowerCase() !== organizationId) {
      this.error(join(path, 'organization_id'), 'MISMATCHED_ORGANIZATION', `organization_id ${JSON.stringify(s.organization_id)} is not the organization this service is under.`);
    }
    const name = this.text(s, 'name', path, { required: true, nonBlank: true, max: LIMITS.name });
    const description = this.text(s, 'description', path);
    const statusText = this.text(s, 'status', path, { required: true });
    let status = ServiceStatus.ACTIVE;
    if (statusText !== null) {
      if (statusText === 'active') status = ServiceStatus.ACTIVE;
      else if (['inactive', 'defunct', 'temporarily closed'].includes(statusText)) status = ServiceStatus.INACTIVE;
      else this.error(join(path, 'status'), 'INVALID_STATUS', `status must be active, inactive, defunct or temporarily closed; got "${statusText}".`);
    }
    const fees = this.text(s, 'fees_description', path);
    const fee = fees === null ? null : (Object.entries(FEE_DESCRIPTIONS).find(([, text]) => text === fees)?.[0] ?? null);
    if (fees !== null && !fee) this.warn(join(path, 'fees_description'), 'IGNORED', `civimap records fees as one of: ${Object.values(FEE_DESCRIPTIONS).join(' / ')}; this text is not imported.`);
    const eligibility = this.text(s, 'eligibility_description', path);
    const modified = this.text(s, 'last_modified', path);
    const lastModified = modified === null ? null : parseDateTime(modified);
    if (modified !== null && !lastModified) this.error(join(path, 'last_modified'), 'INVALID_DATE', `last_modified must be an ISO 8601 date-time; got "${modified}".`);

    const areaIds: string[] = [];
    this.array(s, 'service_areas', path).forEach((area, i) => {
      const at = `${join(path, 'service_areas')}[${i}]`;
      this.id(area, at, false);
      const municipality = this.municipalityOf(typeof area.name === 'string' ? area.name : null, typeof area.uri === 'string' ? area.uri : null, join(at, 'name'));
      if (municipality && !areaIds.includes(municipality.id)) areaIds.push(municipality.id);
    });
    const languages: string[] = [];
    this.array(s, 'languages', path).forEach((language, i) => {
      const at = `${join(path, 'languages')}[${i}]`;
      this.id(language, at, false);
      const code = this.text(language, 'code', at, { required: true });
      if (code === null) return;
      if (!LANGUAGE.test(code)) this.error(join(at, 'code'), 'INVALID_LANGUAGE', `code must be an ISO 639-1 or 639-3 code such as "sq"; got "${code}".`);
      else if (!languages.includes(code)) languages.push(code);
    });
    this.array(s, 'service_at_locations', path).forEach((sal, i) => {
      const at = `${join(path, 'service_at_locations')}[${i}]`;
      const salId = this.id(sal, at);
      const locationId = typeof sal.location_id === 'string' ? sal.location_id.toLowerCase() : null;
      if (!locationId) this.error(join(at, 'location_id'), 'REQUIRED', 'location_id is required.');
      else if (!locationIds.has(locationId)) this.error(join(at, 'location_id'), 'UNKNOWN_LOCATION', `location_id ${locationId} is not one of this organization's locations.`);
      if (sal.service_id !== undefined && id && String(sal.service_id).toLowerCase() !== id) this.error(join(at, 'service_id'), 'MISMATCHED_SERVICE', `service_id ${JSON.stringify(sal.service_id)} is not the service it is under.`);
      if (sal.location !== undefined) this.warn(join(at, 'location'), 'IGNORED', "The nested location is read from the organization's locations.");
      const metadata = this.metadata(sal, at, salId ?? '', 'ServiceAtLocation', organizationId);
      revisions.push(...metadata.revisions);
      if (salId && id && locationId && locationIds.has(locationId)) {
        if (sals.some((x) => x.serviceId === id && x.locationId === locationId)) {
          this.error(join(at, 'location_id'), 'DUPLICATE_SERVICE_AT_LOCATION', 'The service is linked to this location twice.');
          return;
        }
        const at_ = metadata.createdAt ?? metadata.revisions[0]?.createdAt ?? this.now();
        sals.push({ id: salId, serviceId: id, locationId, createdAt: at_, updatedAt: this.now() });
      }
    });
    const { values, categories, groups } = this.attributes(s, path, 'service');
    if (!categories.length) this.error(join(path, 'attributes'), 'NO_CATEGORY', 'A service needs at least one civimap service category (an attribute with a term of the civimap-service-categories taxonomy).');
    this.unexpectedRecordFields(values, ['demo', 'name-sr', 'name-en', 'description-sr', 'description-en', 'capacity-per-year', 'residential-places']);
    const metadata = this.metadata(s, path, id ?? '', 'Service', organizationId);
    revisions.push(...metadata.revisions);
    if (!id || name === null) return null;
    const texts = (sq: string | null, prefix: string): Texts => ({ sq, sr: this.recordText(values, `${prefix}-sr`), en: this.recordText(values, `${prefix}-en`) });
    const now = this.now();
    return {
      id,
      organizationId,
      createdAt: metadata.createdAt ?? metadata.revisions[0]?.createdAt ?? now,
      updatedAt: lastModified ?? now,
      names: texts(name, 'name') as ServiceRecord['names'],
      descriptions: texts(description, 'description'),
      languages: languages.length ? languages : [],
      eligibility,
      fee,
      capacityPerYear: this.recordInteger(values, 'capacity-per-year', 10_000_000),
      residentialPlaces: this.recordInteger(values, 'residential-places', 100_000),
      status,
      isDemo: this.recordFlag(values, 'demo'),
      categoryIds: [...new Set(categories)],
      targetGroupIds: [...new Set(groups)],
      areaMunicipalityIds: areaIds,
    };
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Folded name for duplicate detection (case, spacing and diacritics ignored). */
export const normalisedName = (name: string) => foldName(name);
