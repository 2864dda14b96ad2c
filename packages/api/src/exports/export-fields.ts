import { BudgetBand, LegalForm, OrganizationStatus, VerificationStatus } from '../organizations/organization.enums';
import { ServiceFee, ServiceStatus } from '../services/service.enums';

/**
 * The columns of every CSV export as Frictionless Table Schema fields: the CSV header is the list of
 * their names (so the data package and the files cannot drift apart), and /export/datapackage.json
 * publishes them with types, units and descriptions.
 */
export interface ExportField {
  name: string;
  /** Table Schema type: string, integer, number, boolean, date, datetime. */
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';
  description: string;
  /** Unit of a measure (km, EUR, percent, per 10,000 inhabitants), a civimap property beside the Table Schema ones. */
  unit?: string;
  /** The allowed values of a coded column (Table Schema constraints.enum). */
  enum?: string[];
  required?: boolean;
}

const LIST = 'Codes separated by ";" (empty: none).';
const TEXT = 'A text that starts with = + - @, a tab or a carriage return (and is not a plain number or phone number) is written with a leading apostrophe, which is not part of the value: spreadsheets then show it as text instead of running it as a formula.';
const text = (name: string, description: string): ExportField => ({ name, type: 'string', description: `${description} ${TEXT}` });
const id = (name: string, description: string): ExportField => ({ name, type: 'string', description, required: true });
const updatedAt: ExportField = { name: 'updated_at', type: 'datetime', description: 'Last change of the record (UTC).', required: true };
const isDemo: ExportField = { name: 'is_demo', type: 'boolean', description: 'true for a fictional demo record (never real data).', required: true };

export const ORGANIZATION_FIELDS: ExportField[] = [
  id('id', 'The organization\'s civimap id (UUID); the GraphQL node id is derived from it.'),
  text('name_sq', 'Name in Albanian.'),
  text('name_sr', 'Name in Serbian (empty when not given).'),
  text('name_en', 'Name in English (empty when not given).'),
  text('acronym', 'Acronym.'),
  { name: 'legal_form', type: 'string', description: 'Legal form.', enum: Object.values(LegalForm) },
  text('registration_number', 'NGO registration number at the Department for NGO Registration.'),
  { name: 'registration_date', type: 'date', description: 'NGO registration date (YYYY-MM-DD).' },
  { name: 'public_benefit', type: 'boolean', description: 'Holds public-benefit status.' },
  { name: 'status', type: 'string', description: 'Whether the organization operates.', enum: Object.values(OrganizationStatus) },
  { name: 'verification_status', type: 'string', description: 'Whether a moderator verified the record.', enum: Object.values(VerificationStatus) },
  { name: 'verified_at', type: 'datetime', description: 'When a moderator last verified the record (UTC).' },
  { name: 'last_confirmed_at', type: 'datetime', description: 'When an editor last confirmed the record is current (UTC).' },
  text('website', 'Website URL.'),
  text('email', 'Public contact e-mail address.'),
  text('phone', 'Public contact phone number, as given (e.g. +383 44 123 456); never altered.'),
  { name: 'year_founded', type: 'integer', description: 'Year the organization was founded.' },
  { name: 'staff_count', type: 'integer', description: 'Paid staff.', unit: 'persons' },
  { name: 'volunteer_count', type: 'integer', description: 'Volunteers.', unit: 'persons' },
  { name: 'budget_band', type: 'string', description: 'Annual budget band in EUR.', unit: 'EUR', enum: Object.values(BudgetBand) },
  { name: 'funding_public_pct', type: 'integer', description: 'Share of funding from public sources.', unit: 'percent' },
  { name: 'funding_foreign_pct', type: 'integer', description: 'Share of funding from foreign donors.', unit: 'percent' },
  { name: 'funding_own_pct', type: 'integer', description: 'Share of funding from own revenue.', unit: 'percent' },
  { name: 'funding_other_pct', type: 'integer', description: 'Share of funding from other sources.', unit: 'percent' },
  { name: 'municipalities', type: 'string', description: `Municipality codes of the organization's sites. ${LIST}` },
  { name: 'categories', type: 'string', description: `Service category codes of its active services. ${LIST}` },
  isDemo,
  updatedAt,
];

export const SERVICE_FIELDS: ExportField[] = [
  id('id', 'The service\'s civimap id (UUID).'),
  id('organization_id', 'The providing organization\'s id (organizations.csv id).'),
  text('organization_name', 'The providing organization\'s name in Albanian.'),
  text('name_sq', 'Service name in Albanian.'),
  text('name_sr', 'Service name in Serbian.'),
  text('name_en', 'Service name in English.'),
  { name: 'status', type: 'string', description: 'Whether the service is offered.', enum: Object.values(ServiceStatus) },
  { name: 'categories', type: 'string', description: `Service category codes. ${LIST}` },
  { name: 'target_groups', type: 'string', description: `Target group codes. ${LIST}` },
  { name: 'service_area', type: 'string', description: `Codes of the municipalities the service serves. ${LIST}` },
  { name: 'languages', type: 'string', description: `ISO 639-1 codes of the languages the service is offered in. ${LIST}` },
  { name: 'fee', type: 'string', description: 'Whether users pay: FREE, FEE (a fixed fee) or SLIDING_SCALE (by income).', enum: Object.values(ServiceFee) },
  { name: 'capacity_per_year', type: 'integer', description: 'Users the service can serve in a year.', unit: 'persons per year' },
  { name: 'residential_places', type: 'integer', description: 'Residential places (beds) of a residential service.', unit: 'places' },
  text('eligibility', 'Who may use the service.'),
  isDemo,
  updatedAt,
];

export const LOCATION_FIELDS: ExportField[] = [
  id('id', 'The site\'s civimap id (UUID).'),
  id('organization_id', 'The organization\'s id (organizations.csv id).'),
  text('organization_name', 'The organization\'s name in Albanian.'),
  text('name', 'Name of the site.'),
  text('address', 'Street address.'),
  { name: 'municipality', type: 'string', description: 'Code of the municipality the site lies in.', required: true },
  { name: 'lat', type: 'number', description: 'Latitude (WGS 84).', unit: 'decimal degrees', required: true },
  { name: 'lng', type: 'number', description: 'Longitude (WGS 84).', unit: 'decimal degrees', required: true },
  { name: 'categories', type: 'string', description: `Service category codes of the active services offered at the site. ${LIST}` },
  text('accessibility', 'Physical accessibility of the site.'),
  text('opening_hours', 'Opening hours, as given.'),
  isDemo,
];

export const COVERAGE_FIELDS: ExportField[] = [
  { name: 'municipality', type: 'string', description: 'Municipality code.', required: true },
  { name: 'municipality_name', type: 'string', description: 'Municipality name in the language asked for (?lang=sq|sr|en, default sq).', required: true },
  { name: 'region', type: 'string', description: 'Code of the municipality\'s region.', required: true },
  { name: 'population', type: 'integer', description: 'Inhabitants of the municipality (the census of population_year).', unit: 'inhabitants', required: true },
  { name: 'population_year', type: 'integer', description: 'Year of the population figure.', required: true },
  { name: 'category', type: 'string', description: 'Service category code; the cell counts the category and every category below it.', required: true },
  { name: 'category_name', type: 'string', description: 'Service category name in the language asked for.', required: true },
  {
    name: 'providers',
    type: 'integer',
    description: 'Active organizations with an active service in the category (or below it) whose service area includes the municipality or that have a site there.',
    unit: 'organizations',
    required: true,
  },
  { name: 'sites', type: 'integer', description: 'Sites in the municipality of the organizations that offer the category anywhere.', unit: 'sites', required: true },
  { name: 'providers_per_10k', type: 'number', description: 'providers × 10,000 / population.', unit: 'organizations per 10,000 inhabitants', required: true },
  {
    name: 'nearest_site_km',
    type: 'number',
    description: 'Great-circle distance from the municipality\'s seat to the nearest site, anywhere, of an organization offering the category; empty when there is none.',
    unit: 'km',
  },
  { name: 'gap', type: 'boolean', description: 'true when the cell has no provider (providers = 0): the coverage page\'s gaps.', required: true },
];

export const SHORTLIST_FIELDS: ExportField[] = [
  { name: 'position', type: 'integer', description: 'Rank in the shortlist, from 1.', required: true },
  id('organization_id', 'The organization\'s id.'),
  text('name_sq', 'Name in Albanian.'),
  text('name_en', 'Name in English.'),
  text('note', 'The officer\'s note on the entry.'),
  { name: 'verification_status', type: 'string', description: 'Whether a moderator verified the record.', enum: Object.values(VerificationStatus) },
  { name: 'status', type: 'string', description: 'Whether the organization operates.', enum: Object.values(OrganizationStatus) },
  { name: 'municipalities', type: 'string', description: `Municipality codes of its sites. ${LIST}` },
  { name: 'categories', type: 'string', description: `Service category codes of its active services. ${LIST}` },
  { name: 'capacity_per_year', type: 'integer', description: 'Sum of its active services\' yearly capacity.', unit: 'persons per year' },
  { name: 'licences_valid_today', type: 'string', description: 'Licences valid today, "number (from – until)", separated by ";".' },
  text('email', 'Public contact e-mail address.'),
  text('phone', 'Public contact phone number, as given; never altered.'),
  text('website', 'Website URL.'),
  isDemo,
];

export const columnsOf = (fields: readonly ExportField[]): string[] => fields.map((f) => f.name);

/** A Frictionless Table Schema (v1) of a CSV export's columns. */
export function tableSchema(fields: readonly ExportField[], primaryKey?: string | string[]): object {
  return {
    fields: fields.map((f) => ({
      name: f.name,
      type: f.type,
      ...(f.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
      description: f.description,
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.enum || f.required ? { constraints: { ...(f.required ? { required: true } : {}), ...(f.enum ? { enum: f.enum } : {}) } } : {}),
    })),
    missingValues: [''],
    ...(primaryKey ? { primaryKey } : {}),
  };
}
