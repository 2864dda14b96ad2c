import { isoSeconds } from '../core/csv';
import { columnsOf, LOCATION_FIELDS, ORGANIZATION_FIELDS, SERVICE_FIELDS } from './export-fields';

type Row = Record<string, any>;

export interface ExportMetadata {
  title: string;
  licence: { name: string; url: string };
  generatedAt: Date;
  filter: unknown;
  includesDemo: boolean;
  source: string;
}

const iso = (value: unknown) => (value ? isoSeconds(value as Date | string) : '');
const date = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : ((value as string | null) ?? ''));
/** Lists go to the CSV writer as arrays; it joins them with ';'. */
const list = (values: unknown) => (Array.isArray(values) ? values : []);

export const ORGANIZATION_COLUMNS = columnsOf(ORGANIZATION_FIELDS);

export function organizationCsvRow(o: Row): unknown[] {
  return [
    o.id, o.name_sq, o.name_sr, o.name_en, o.acronym, o.legal_form, o.registration_number, date(o.registration_date), o.public_benefit,
    o.status, o.verification_status, iso(o.verified_at), iso(o.last_confirmed_at), o.website, o.email, o.phone, o.year_founded, o.staff_count,
    o.volunteer_count, o.budget_band, o.funding_public_pct, o.funding_foreign_pct, o.funding_own_pct, o.funding_other_pct,
    list(o.municipalities), list(o.categories), o.is_demo, iso(o.updated_at),
  ];
}

export const SERVICE_COLUMNS = columnsOf(SERVICE_FIELDS);

export function serviceCsvRow(s: Row): unknown[] {
  return [
    s.id, s.organization_id, s.organization_name, s.name_sq, s.name_sr, s.name_en, s.status, list(s.categories), list(s.target_groups),
    list(s.service_area), list(s.languages), s.fee, s.capacity_per_year, s.residential_places, s.eligibility, s.is_demo, iso(s.updated_at),
  ];
}

export const LOCATION_COLUMNS = columnsOf(LOCATION_FIELDS);

export function locationCsvRow(l: Row): unknown[] {
  return [
    l.id, l.organization_id, l.organization_name, l.name, l.address, l.municipality_code, l.lat, l.lng, list(l.categories), l.accessibility,
    l.opening_hours, l.is_demo,
  ];
}

export function locationFeature(l: Row): object {
  return {
    type: 'Feature',
    id: l.id,
    geometry: { type: 'Point', coordinates: [Number(l.lng), Number(l.lat)] },
    properties: {
      id: l.id,
      organizationId: l.organization_id,
      organizationName: l.organization_name,
      name: l.name,
      address: l.address,
      municipality: l.municipality_code,
      categories: l.categories,
      isDemo: l.is_demo,
    },
  };
}
