import { foldName } from '../geography/boundaries-import';
import { BudgetBand, LegalForm, OrganizationStatus } from '../organizations/organization.enums';
import { isCalendarDate, LIMITS } from '../core/validation';
import { DEMO_NOTE, FUNDING_SOURCES, isHsdsEmail, isHsdsUrl } from './hsds-metadata';
import { HsdsJsonReader, type HsdsIssue, isObject, join, type Json, type RecordValues } from './hsds-json-reader';
import { parseLocation } from './hsds-parse-location';
import { parseService } from './hsds-parse-service';
import type { LocationRecord, OrganizationBundle, OrganizationRecord, RevisionRecord, ServiceAtLocationRecord, ServiceRecord } from './hsds-records';
import type { HsdsVocabulary } from './hsds-vocabulary';

export { changeValue, type HsdsIssue, MAX_TEXT } from './hsds-json-reader';

/**
 * HSDS 3.0 organization objects (as /hsds/organizations?full_service=true emits them) back to civimap
 * rows, checking everything civimap needs; pure, so the import (src/imports/hsds-import.ts) adds only
 * what needs the database: existing ids and duplicates. Reads exactly what hsds-mapping.ts writes,
 * so that export, import, export gives the same bytes. The organization is read here, its locations
 * and services in hsds-parse-location.ts and hsds-parse-service.ts, with one HsdsJsonReader per record.
 */

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

/** Properties of an organization that civimap reads; others are reported as ignored. */
const KNOWN_ORGANIZATION = ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'year_incorporated', 'legal_status', 'funding', 'phones', 'locations', 'organization_identifiers', 'attributes', 'metadata', 'services'];
const ORGANIZATION_RECORD_FIELDS = ['demo', 'name-sr', 'name-en', 'description-sr', 'description-en', 'organization-status', 'public-benefit', 'registration-date', 'staff-count', 'volunteer-count', 'budget-band'];
const NO_ID = '00000000-0000-0000-0000-000000000000';

type Funding = Partial<Record<(typeof FUNDING_SOURCES)[number]['field'], number>>;

export class HsdsOrganizationParser {
  constructor(
    private readonly vocabulary: HsdsVocabulary,
    /** Municipality boundaries by municipality id, when imported (sites are then checked against the polygon). */
    private readonly boundaries: Map<string, unknown> = new Map(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  parse(record: unknown): ParseResult {
    const r = new HsdsJsonReader(this.vocabulary, this.boundaries, this.now);
    if (!isObject(record)) {
      r.error('', 'NOT_AN_OBJECT', 'Each line must be one HSDS organization object.');
      return { parsed: null, errors: r.errors, warnings: r.warnings };
    }
    const parsed = parseOrganization(r, record);
    return { parsed: r.errors.length ? null : parsed, errors: r.errors, warnings: r.warnings };
  }
}

function parseOrganization(r: HsdsJsonReader, o: Json): ParsedHsdsOrganization | null {
  const fields = parseOrganizationFields(r, o);
  const funding = parseFunding(r, o);
  const phone = parsePhone(r, o);
  const registrationNumber = parseRegistrationNumber(r, o);
  const { values, isDemo, status, registrationDate, budget } = parseRecordAttributes(r, o);
  let description = fields.description;
  if (isDemo && description !== null) {
    if (description === DEMO_NOTE) description = '';
    else if (description.endsWith(` ${DEMO_NOTE}`)) description = description.slice(0, -(DEMO_NOTE.length + 1));
  }
  const { id, name } = fields;
  const organizationId = id ?? NO_ID;
  const metadata = r.metadata(o, '', organizationId, 'Organization');
  const revisions: RevisionRecord[] = [...metadata.revisions];
  const { locations, services, sals } = parseChildren(r, o, organizationId, revisions);
  refuseRepeatedIds(r);
  if (!id || name === null) return null;
  const now = r.now();
  const organization: OrganizationRecord = {
    id,
    createdAt: metadata.createdAt ?? metadata.revisions[0]?.createdAt ?? now,
    updatedAt: now,
    names: { sq: name, sr: r.recordText(values, 'name-sr'), en: r.recordText(values, 'name-en') },
    acronym: fields.acronym,
    descriptions: { sq: description || null, sr: r.recordText(values, 'description-sr'), en: r.recordText(values, 'description-en') },
    legalForm: fields.legalForm,
    registrationNumber,
    registrationDate,
    publicBenefit: r.recordFlag(values, 'public-benefit'),
    website: fields.website,
    email: fields.email,
    phone,
    yearFounded: fields.yearFounded,
    staffCount: r.recordInteger(values, 'staff-count', 1_000_000),
    volunteerCount: r.recordInteger(values, 'volunteer-count', 1_000_000),
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
    ids: r.ids,
    municipalityIds: [...new Set(locations.map((l) => l.municipalityId))],
  };
}

/** The organization's own HSDS properties: id, name, acronym, description, contacts, year and legal form. */
function parseOrganizationFields(r: HsdsJsonReader, o: Json) {
  r.ignoreUnknown(o, KNOWN_ORGANIZATION, '');
  const id = r.id(o, '');
  const name = r.text(o, 'name', '', { required: true, nonBlank: true, max: LIMITS.name });
  const acronym = r.text(o, 'alternate_name', '');
  const description = r.text(o, 'description', '', { required: true });
  const email = r.text(o, 'email', '', { max: 254 });
  if (email !== null && !isHsdsEmail(email)) r.error('email', 'INVALID_EMAIL', `"${email}" is not an email address.`);
  const website = r.text(o, 'website', '', { max: LIMITS.url });
  if (website !== null && !isHsdsUrl(website)) r.error('website', 'INVALID_URL', `"${website}" is not an http or https URL.`);
  let yearFounded: number | null = null;
  if (o.year_incorporated !== undefined && o.year_incorporated !== null) {
    const year = o.year_incorporated;
    const thisYear = r.now().getUTCFullYear();
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1800 || year > thisYear) {
      r.error('year_incorporated', 'INVALID_YEAR', `year_incorporated must be a year from 1800 to ${thisYear}; got ${JSON.stringify(year)}.`);
    } else yearFounded = year;
  }
  let legalForm: LegalForm = LegalForm.ASSOCIATION;
  const legal = r.text(o, 'legal_status', '');
  if (legal !== null) {
    const upper = legal.toUpperCase();
    if ((Object.values(LegalForm) as string[]).includes(upper)) legalForm = upper as LegalForm;
    else r.error('legal_status', 'UNKNOWN_LEGAL_STATUS', `legal_status must be association, foundation or other; got "${legal}".`);
  }
  return { id, name, acronym, description, email, website, yearFounded, legalForm };
}

/** Funding entries "Public sources: 40%" back to the four shares, which may not add up to more than 100. */
function parseFunding(r: HsdsJsonReader, o: Json): Funding {
  const funding: Funding = {};
  r.array(o, 'funding', '').forEach((entry, i) => {
    const at = `funding[${i}]`;
    r.id(entry, at, false);
    const source = r.text(entry, 'source', at);
    const match = source ? /^(.+): (\d{1,3})%$/.exec(source) : null;
    const kind = match ? FUNDING_SOURCES.find((f) => f.label === match[1]) : undefined;
    if (!match || !kind) return r.warn(join(at, 'source'), 'IGNORED', `civimap keeps funding as shares ("Public sources: 40%", "Foreign donors", "Own revenue", "Other"); "${source ?? ''}" is not imported.`);
    const pct = Number(match[2]);
    if (pct > 100) return r.error(join(at, 'source'), 'INVALID_PERCENTAGE', `A funding share must be from 0 to 100%; got ${pct}%.`);
    if (funding[kind.field] !== undefined) return r.error(join(at, 'source'), 'DUPLICATE_FUNDING', `${kind.label} is given twice.`);
    funding[kind.field] = pct;
  });
  const shares = Object.values(funding) as number[];
  if (shares.length && shares.reduce((a, b) => a + b, 0) > 100) r.error('funding', 'FUNDING_OVER_100', `The funding shares add up to ${shares.reduce((a, b) => a + b, 0)}%, more than 100%.`);
  return funding;
}

/** The first phone number; civimap keeps one. */
function parsePhone(r: HsdsJsonReader, o: Json): string | null {
  let phone: string | null = null;
  r.array(o, 'phones', '').forEach((entry, i) => {
    r.id(entry, `phones[${i}]`, false);
    const number = r.text(entry, 'number', `phones[${i}]`, { required: true, max: 40 });
    const digits = number?.replace(/\D/g, '').length ?? 0;
    // The registry's own rule (see editing/validation.ts), so that what civimap exports it imports again.
    if (number !== null && (!/^\+?[0-9][0-9 ()./-]*$/.test(number) || digits < 6 || digits > 15)) {
      r.error(`phones[${i}].number`, 'INVALID_PHONE', `"${number}" is not a phone number: digits, spaces and + ( ) - . / only, 6 to 15 digits.`);
    } else if (i === 0) phone = number;
    else r.warn(`phones[${i}]`, 'IGNORED', 'civimap keeps one phone number per organization; the others are not imported.');
  });
  return phone;
}

/** The first organization identifier is the registration number; civimap keeps one. */
function parseRegistrationNumber(r: HsdsJsonReader, o: Json): string | null {
  let registrationNumber: string | null = null;
  r.array(o, 'organization_identifiers', '').forEach((entry, i) => {
    const at = `organization_identifiers[${i}]`;
    r.id(entry, at, false);
    const identifier = r.text(entry, 'identifier', at, { required: true, nonBlank: true, max: LIMITS.shortText });
    r.text(entry, 'identifier_type', at, { required: true });
    if (identifier === null) return;
    if (registrationNumber === null) registrationNumber = identifier;
    else r.warn(at, 'IGNORED', 'civimap keeps one registration number; the others are not imported.');
  });
  return registrationNumber;
}

/** civimap's own fields, carried as attributes of the civimap-record taxonomy: demo flag, status, registration date, budget band. */
function parseRecordAttributes(r: HsdsJsonReader, o: Json) {
  const { values } = r.attributes(o, '', 'organization');
  r.unexpectedRecordFields(values, ORGANIZATION_RECORD_FIELDS);
  const isDemo = r.recordFlag(values, 'demo');
  let status: OrganizationStatus = OrganizationStatus.ACTIVE;
  const statusEntry = values.get('organization-status');
  if (statusEntry) {
    const upper = statusEntry.value.toUpperCase();
    if ((Object.values(OrganizationStatus) as string[]).includes(upper)) status = upper as OrganizationStatus;
    else r.error(statusEntry.path, 'UNKNOWN_STATUS', `organization-status must be active, inactive or closed; got "${statusEntry.value}".`);
  }
  const registrationDate = r.recordText(values, 'registration-date');
  if (registrationDate !== null && !isCalendarDate(registrationDate)) r.error(values.get('registration-date')!.path, 'INVALID_DATE', `registration-date must be a date YYYY-MM-DD; got "${registrationDate}".`);
  const budget = values.get('budget-band');
  if (budget && !(Object.values(BudgetBand) as string[]).includes(budget.value)) r.error(budget.path, 'UNKNOWN_BUDGET_BAND', `budget-band must be one of ${Object.values(BudgetBand).join(', ')}; got "${budget.value}".`);
  return { values: values as RecordValues, isDemo, status, registrationDate, budget };
}

/** Locations first, so that services can only be linked to this organization's sites. */
function parseChildren(r: HsdsJsonReader, o: Json, organizationId: string, revisions: RevisionRecord[]) {
  const locations: LocationRecord[] = [];
  r.array(o, 'locations', '').forEach((entry, i) => {
    const location = parseLocation(r, entry, `locations[${i}]`, organizationId, revisions);
    if (location) locations.push(location);
  });
  const scope = { organizationId, locationIds: new Set(locations.map((l) => l.id)), sals: [] as ServiceAtLocationRecord[], revisions };
  const services: ServiceRecord[] = [];
  r.array(o, 'services', '').forEach((entry, i) => {
    const service = parseService(r, entry, `services[${i}]`, scope);
    if (service) services.push(service);
  });
  return { locations, services, sals: scope.sals };
}

/** An id used twice in one record (organization, site, service, link, change) refuses the record. */
function refuseRepeatedIds(r: HsdsJsonReader): void {
  const seen = new Map<string, string>();
  for (const { id: each, path } of r.ids) {
    if (seen.has(each)) r.error(path, 'REPEATED_ID', `The id ${each} is also used at ${seen.get(each) || 'the organization'}.`);
    else seen.set(each, path);
  }
}

/** Folded name for duplicate detection (case, spacing and diacritics ignored). */
export const normalisedName = (name: string) => foldName(name);
