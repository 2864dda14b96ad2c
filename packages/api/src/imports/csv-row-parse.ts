import { foldName } from '../geography/boundaries-import';
import type { Municipality } from '../geography/municipality.entity';
import { checkPointInMunicipality } from '../geography/point-in-municipality';
import { LegalForm, OrganizationStatus } from '../organizations/organization.enums';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { ServiceFee } from '../services/service.enums';
import { isPhoneNumber, normaliseEmail } from '../core/validation';
import { type CsvRowReader, list } from './csv-row-reader';

/** What every row is checked against: the catalog, municipalities by folded name, their boundaries, today. */
export interface CsvRowContext {
  catalog: ReferenceCatalog;
  municipalityByName: Map<string, Municipality>;
  boundaries: Map<string, unknown>;
  today: string;
  thisYear: number;
}

export type CsvSite = { lat: number; lng: number } | null;
export type CsvService = { name: string; categoryIds: string[]; targetGroupIds: string[]; areaIds: string[]; capacity: number | null; fee: ServiceFee | null } | null;
export type CsvLicence = { number: string; authority: string; categoryIds: string[]; validFrom: string; validUntil: string | null } | null;

/** The organization's own columns, in column order. */
export function readOrganizationColumns(r: CsvRowReader, context: CsvRowContext) {
  const v = r.values;
  const nameSq = r.text('name_sq', 300, true);
  const nameSr = r.text('name_sr', 300);
  const nameEn = r.text('name_en', 300);
  const acronym = r.text('acronym', 30);
  const legalForm = r.choice('legal_form', Object.values(LegalForm));
  const registrationNumber = r.text('registration_number', 50);
  const registrationDate = r.date('registration_date');
  if (registrationDate && registrationDate > context.today) r.err('registration_date', 'IN_FUTURE', 'registration_date is in the future.');
  let publicBenefit = false;
  if (v.public_benefit) {
    const b = v.public_benefit.toLowerCase();
    if (['yes', 'true', 'po', '1'].includes(b)) publicBenefit = true;
    else if (!['no', 'false', 'jo', '0'].includes(b)) r.err('public_benefit', 'INVALID_BOOLEAN', `public_benefit must be yes or no; got "${v.public_benefit}".`);
  }
  const website = r.text('website', 500);
  if (website) checkWebsite(r, website);
  const email = r.text('email', 254);
  if (email && !normaliseEmail(email)) r.err('email', 'INVALID_EMAIL', `email is not a valid address: "${email}".`);
  const phone = r.text('phone', 30);
  if (phone && !isPhoneNumber(phone)) r.err('phone', 'INVALID_PHONE', `phone may hold digits, spaces and + ( ) - . / only, with 6 to 15 digits; got "${phone}".`);
  const yearFounded = r.whole('year_founded', 1900, context.thisYear);
  const staffCount = r.whole('staff_count', 0, 100_000);
  const volunteerCount = r.whole('volunteer_count', 0, 100_000);
  const status = r.choice('status', Object.values(OrganizationStatus)) ?? OrganizationStatus.ACTIVE;
  const description = r.text('description_sq', 10_000);
  return { nameSq, nameSr, nameEn, acronym, legalForm, registrationNumber, registrationDate, publicBenefit, website, email, phone, yearFounded, staffCount, volunteerCount, status, description };
}

function checkWebsite(r: CsvRowReader, website: string): void {
  let url: URL | null = null;
  try {
    url = new URL(website);
  } catch {
    r.err('website', 'INVALID_URL', `website is not a valid address: "${website}".`);
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') r.err('website', 'UNSAFE_URL', `website must start with http:// or https://; got "${url.protocol}".`);
}

/** The main site: its municipality (code or name), and its point, checked inside it, or the seat when none is given. */
export function readSiteColumns(r: CsvRowReader, context: CsvRowContext): { municipality: Municipality | undefined; site: CsvSite } {
  const v = r.values;
  const municipalityValue = r.cell('municipality');
  const { municipalityByName } = context;
  const municipality = municipalityValue ? (municipalityByName.get(municipalityValue) ?? municipalityByName.get(foldName(municipalityValue))) : undefined;
  if (!municipalityValue) r.err('municipality', 'REQUIRED', 'municipality is required.');
  else if (!municipality) r.err('municipality', 'UNKNOWN_MUNICIPALITY', `Unknown municipality "${municipalityValue}".`);
  r.text('address', 500);

  let site: CsvSite = null;
  if (v.lat || v.lng) {
    const lat = Number(v.lat);
    const lng = Number(v.lng);
    if (!v.lat || !v.lng) r.err(v.lat ? 'lng' : 'lat', 'INCOMPLETE_POINT', 'lat and lng go together: give both or neither.');
    else if (!Number.isFinite(lat) || !Number.isFinite(lng)) r.err(Number.isFinite(lat) ? 'lng' : 'lat', 'NOT_A_NUMBER', 'lat and lng must be decimal degrees.');
    else if (municipality) {
      const check = checkPointInMunicipality(lat, lng, { ...municipality, boundary: context.boundaries.get(municipality.id) ?? null });
      if (!check.ok) r.err('lat', check.code, check.message);
      else site = { lat, lng };
    }
  } else if (municipality) {
    // No point given: the site sits at the seat until someone places it on the map.
    site = { lat: municipality.seatLat, lng: municipality.seatLng };
  }
  return { municipality, site };
}

/** The one service a row may carry; its area defaults to the site's municipality. */
export function readServiceColumns(r: CsvRowReader, catalog: ReferenceCatalog, municipality: Municipality | undefined): CsvService {
  const v = r.values;
  const serviceName = r.text('service_name_sq', 300);
  const serviceColumnsUsed = ['service_categories', 'service_target_groups', 'service_area', 'service_capacity', 'service_fee'].some((c) => v[c]);
  if (serviceColumnsUsed && !serviceName) r.err('service_name_sq', 'REQUIRED', 'service_name_sq is required when other service columns are filled.');
  if (!serviceName) return null;
  const categoryIds = r.codes('service_categories', (c) => catalog.categoriesByCode.get(c), 'service category');
  if (!list(v.service_categories ?? '').length) r.err('service_categories', 'REQUIRED', 'A service needs at least one category.');
  const targetGroupIds = r.codes('service_target_groups', (c) => catalog.targetGroupsByCode.get(c), 'target group');
  const areaIds = r.codes('service_area', (c) => catalog.municipalitiesByCode.get(c), 'municipality');
  const capacity = r.whole('service_capacity', 0, 1_000_000);
  const fee = r.choice('service_fee', Object.values(ServiceFee));
  return { name: serviceName, categoryIds, targetGroupIds, areaIds: areaIds.length ? areaIds : municipality ? [municipality.id] : [], capacity, fee };
}

/** The one licence a row may carry: number, categories and start required once any licence column is filled. */
export function readLicenceColumns(r: CsvRowReader, catalog: ReferenceCatalog): CsvLicence {
  const v = r.values;
  const licenceUsed = ['licence_number', 'licence_authority', 'licence_categories', 'licence_valid_from', 'licence_valid_until'].some((c) => v[c]);
  if (!licenceUsed) return null;
  const number = r.text('licence_number', 100, true);
  const categoryIds = r.codes('licence_categories', (c) => catalog.categoriesByCode.get(c), 'service category');
  if (!list(v.licence_categories ?? '').length) r.err('licence_categories', 'REQUIRED', 'A licence covers at least one category.');
  const validFrom = r.date('licence_valid_from');
  if (!v.licence_valid_from) r.err('licence_valid_from', 'REQUIRED', 'licence_valid_from is required with a licence.');
  const validUntil = r.date('licence_valid_until');
  if (validFrom && validUntil && validUntil < validFrom) r.err('licence_valid_until', 'DATE_ORDER', 'licence_valid_until is before licence_valid_from.');
  return number && validFrom ? { number, authority: v.licence_authority || 'Ministria e Drejtësisë', categoryIds, validFrom, validUntil } : null;
}
