import type { ReferenceCatalog } from '../reference/reference-catalog';
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

const CONTRACT_STATUS: Record<string, string> = { PLANNED: 'pending', ACTIVE: 'active', COMPLETED: 'terminated', CANCELLED: 'cancelled' };
export const OCID_PREFIX = 'ocds-civimap';

/** One OCDS 1.1.5 release per contract: buyer and supplier parties, the award and the contract. */
export function contractRelease(k: Row, catalog: ReferenceCatalog): object {
  const authority = catalog.authoritiesById.get(k.authority_id);
  const provider = k.provider;
  const buyer = { id: `civimap-authority-${authority?.code ?? k.authority_id}`, name: authority?.names.sq ?? 'unknown authority' };
  const supplier = { id: `civimap-organization-${provider.id}`, name: provider.name_sq };
  const value = k.amount === null || k.amount === undefined ? undefined : { amount: Number(k.amount), currency: k.currency };
  const period = k.start_date || k.end_date ? { startDate: dateTime(k.start_date), endDate: dateTime(k.end_date) } : undefined;
  const items = (k.categories as string[]).map((code, index) => ({
    id: String(index + 1),
    description: catalog.categoriesByCode.get(code)?.names.en ?? code,
    classification: { scheme: 'civimap-service-category', id: code, description: catalog.categoriesByCode.get(code)?.names.sq ?? code },
  }));
  return compact({
    ocid: `${OCID_PREFIX}-${k.id}`,
    id: `${k.id}-${new Date(k.updated_at).getTime()}`,
    date: iso(k.updated_at),
    tag: ['award', 'contract'],
    initiationType: 'tender',
    language: 'sq',
    parties: [
      { ...buyer, roles: ['buyer', 'procuringEntity'] },
      {
        ...supplier,
        roles: ['supplier'],
        identifier: provider.registration_number ? { scheme: 'XK-NGO', id: provider.registration_number, legalName: provider.name_sq } : undefined,
      },
    ],
    buyer,
    awards: [
      {
        id: `${k.id}-award`,
        title: k.title ?? undefined,
        status: k.status === 'CANCELLED' ? 'cancelled' : 'active',
        date: dateTime(k.award_date),
        value,
        suppliers: [supplier],
        items,
        contractPeriod: period,
      },
    ],
    contracts: [
      {
        id: k.id,
        awardID: `${k.id}-award`,
        title: k.title ?? undefined,
        status: CONTRACT_STATUS[k.status] ?? 'active',
        period,
        value,
        dateSigned: dateTime(k.award_date),
        items,
        documents: k.url ? [{ id: `${k.id}-doc`, url: k.url, title: k.reference ?? undefined }] : undefined,
      },
    ],
    civimap: { modality: k.modality, reference: k.reference ?? undefined, isDemo: k.is_demo },
  });
}

function dateTime(value: unknown): string | undefined {
  if (!value) return undefined;
  const d = date(value);
  return `${d}T00:00:00Z`;
}

/** Drops undefined members, so optional OCDS fields are absent rather than null. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
