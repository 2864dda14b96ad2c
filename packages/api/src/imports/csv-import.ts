import { refreshCoverage } from '../coverage/coverage-summary';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { localizedText } from '../core/localized-text';
import { todayInKosovo } from '../geography/geo';
import { checkPointInMunicipality } from '../geography/point-in-municipality';
import { foldName } from '../geography/boundaries-import';
import { Municipality } from '../geography/municipality.entity';
import { Licence } from '../licences/licence.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { LegalForm, OrganizationStatus } from '../organizations/organization.enums';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { ServiceAtLocation } from '../services/service-at-location.entity';
import { Service } from '../services/service.entity';
import { ServiceFee } from '../services/service.enums';
import { CSV_COLUMNS } from './csv-columns';
import { RevisionAction } from '../revisions/revision.entity';
import { recordRevision } from '../revisions/revision.service';
import { CONTROL_CHARACTERS, isCalendarDate, isPhoneNumber, normaliseEmail } from '../core/validation';

export interface ImportIssue {
  column: string | null;
  code: string;
  message: string;
}

export interface ImportRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  status: 'valid' | 'invalid' | 'duplicate';
  errors: ImportIssue[];
  /** The organization this row duplicates, when status is duplicate. */
  duplicateOf?: string;
}

export interface ImportReport {
  fileErrors: ImportIssue[];
  rows: ImportRow[];
  summary: { total: number; valid: number; invalid: number; duplicates: number };
}

interface ParsedRow {
  line: number;
  values: Record<string, string>;
  municipality?: Municipality;
  organization?: Record<string, unknown>;
  site?: { lat: number; lng: number } | null;
  service?: { name: string; categoryIds: string[]; targetGroupIds: string[]; areaIds: string[]; capacity: number | null; fee: ServiceFee | null } | null;
  licence?: { number: string; authority: string; categoryIds: string[]; validFrom: string; validUntil: string | null } | null;
}

export interface PreparedCsvImport {
  report: ImportReport;
  /** The valid rows, ready to commit. */
  rows: ParsedRow[];
}

export const MAX_IMPORT_ROWS = 50_000;


const list = (value: string) => value.split(';').map((v) => v.trim()).filter(Boolean);

/**
 * Validates a CSV file row by row against the documented columns and the registry (reference codes,
 * existing organizations), without writing anything. The report says, per row, what is wrong and in
 * which column.
 */
export async function prepareCsvImport(em: EntityManager, catalog: ReferenceCatalog, text: string): Promise<PreparedCsvImport> {
  const report: ImportReport = { fileErrors: [], rows: [], summary: { total: 0, valid: 0, invalid: 0, duplicates: 0 } };
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    report.fileErrors.push({ column: null, code: 'MALFORMED_CSV', message: `The file is not valid CSV: ${(error as Error).message}` });
    return { report, rows: [] };
  }
  if (!records.length) {
    report.fileErrors.push({ column: null, code: 'EMPTY_FILE', message: 'The file is empty: it needs a header row and at least one row.' });
    return { report, rows: [] };
  }
  const header = records[0].map((h) => h.trim().toLowerCase());
  const known = new Set(CSV_COLUMNS.map((c) => c.name));
  for (const name of header.filter((h) => !known.has(h))) {
    report.fileErrors.push({ column: name, code: 'UNKNOWN_COLUMN', message: `Unknown column "${name}". The template lists the columns.` });
  }
  for (const column of CSV_COLUMNS.filter((c) => c.required && !header.includes(c.name))) {
    report.fileErrors.push({ column: column.name, code: 'MISSING_COLUMN', message: `The required column "${column.name}" is missing.` });
  }
  const duplicatesInHeader = header.filter((h, i) => header.indexOf(h) !== i);
  for (const name of new Set(duplicatesInHeader)) report.fileErrors.push({ column: name, code: 'DUPLICATE_COLUMN', message: `The column "${name}" appears twice.` });
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    report.fileErrors.push({ column: null, code: 'TOO_MANY_ROWS', message: `At most ${MAX_IMPORT_ROWS} rows per file; this one has ${records.length - 1}.` });
  }
  if (report.fileErrors.length) return { report, rows: [] };

  const municipalityByName = new Map<string, Municipality>();
  for (const m of catalog.municipalities) {
    municipalityByName.set(m.code, m);
    for (const name of [m.names.sq, m.names.sr, m.names.en]) if (name) municipalityByName.set(foldName(name), m);
  }
  const boundaryRows: { id: string; boundary: unknown }[] = await em.execute('select id, boundary from municipality where boundary is not null');
  const boundaries = new Map(boundaryRows.map((r) => [r.id, r.boundary]));
  const parsed: ParsedRow[] = records.slice(1).map((fields, index) => {
    const values: Record<string, string> = {};
    header.forEach((name, i) => (values[name] = fields[i] ?? ''));
    return { line: index + 2, values, _extra: fields.length - header.length } as ParsedRow & { _extra: number };
  });

  // Existing organizations, for duplicate detection by registration number and by name + municipality.
  const existing: { id: string; registration_number: string | null; name_sq: string; municipality_ids: string[] }[] = await em.execute(
    `select o.id, o.registration_number, o.name_sq, array(select distinct l.municipality_id from location l where l.organization_id = o.id) as municipality_ids from organization o`,
  );
  const byRegistration = new Map(existing.filter((e) => e.registration_number).map((e) => [e.registration_number!.toLowerCase(), e.id]));
  const byNameAndPlace = new Map<string, string>();
  for (const e of existing) for (const m of e.municipality_ids) byNameAndPlace.set(`${foldName(e.name_sq)}|${m}`, e.id);
  const seenRegistration = new Map<string, number>();
  const seenNameAndPlace = new Map<string, number>();
  const thisYear = Number(todayInKosovo().slice(0, 4));
  const today = todayInKosovo();

  const valid: ParsedRow[] = [];
  for (const row of parsed as (ParsedRow & { _extra: number })[]) {
    const errors: ImportIssue[] = [];
    const v = row.values;
    const err = (column: string | null, code: string, message: string) => errors.push({ column, code, message });
    if (row._extra > 0) err(null, 'TOO_MANY_FIELDS', `The row has ${row._extra} more field(s) than the header; a comma inside a value needs quotes.`);
    for (const [column, value] of Object.entries(v)) {
      if (CONTROL_CHARACTERS.test(value)) err(column, 'CONTROL_CHARACTER', 'The value contains control characters.');
    }
    const text = (column: string, max: number, required = false): string | null => {
      const value = v[column] ?? '';
      if (!value) {
        if (required) err(column, 'REQUIRED', `${column} is required.`);
        return null;
      }
      if (value.length > max) err(column, 'TOO_LONG', `${column} has ${value.length} characters; at most ${max}.`);
      return value;
    };
    const whole = (column: string, min: number, max: number): number | null => {
      const value = v[column] ?? '';
      if (!value) return null;
      if (!/^-?\d+$/.test(value)) return err(column, 'NOT_A_NUMBER', `${column} must be a whole number; got "${value}".`), null;
      const n = Number(value);
      if (n < min || n > max) return err(column, 'OUT_OF_RANGE', `${column} must be from ${min} to ${max}; got ${n}.`), null;
      return n;
    };
    const choice = <T extends string>(column: string, allowed: T[]): T | null => {
      const value = (v[column] ?? '').toUpperCase();
      if (!value) return null;
      if (!allowed.includes(value as T)) return err(column, 'INVALID_CHOICE', `${column} must be one of ${allowed.join(', ')}; got "${v[column]}".`), null;
      return value as T;
    };
    const codes = (column: string, lookup: (code: string) => { id: string } | undefined, what: string): string[] =>
      list(v[column] ?? '').flatMap((code) => {
        const found = lookup(code);
        if (!found) return err(column, 'UNKNOWN_CODE', `Unknown ${what} "${code}".`), [];
        return [found.id];
      });
    const date = (column: string): string | null => {
      const value = v[column] ?? '';
      if (!value) return null;
      if (!isCalendarDate(value)) return err(column, 'INVALID_DATE', `${column} must be a date YYYY-MM-DD; got "${value}".`), null;
      return value;
    };

    const nameSq = text('name_sq', 300, true);
    const nameSr = text('name_sr', 300);
    const nameEn = text('name_en', 300);
    const acronym = text('acronym', 30);
    const legalForm = choice('legal_form', Object.values(LegalForm));
    const registrationNumber = text('registration_number', 50);
    const registrationDate = date('registration_date');
    if (registrationDate && registrationDate > today) err('registration_date', 'IN_FUTURE', 'registration_date is in the future.');
    let publicBenefit = false;
    if (v.public_benefit) {
      const b = v.public_benefit.toLowerCase();
      if (['yes', 'true', 'po', '1'].includes(b)) publicBenefit = true;
      else if (!['no', 'false', 'jo', '0'].includes(b)) err('public_benefit', 'INVALID_BOOLEAN', `public_benefit must be yes or no; got "${v.public_benefit}".`);
    }
    const website = text('website', 500);
    if (website) {
      let url: URL | null = null;
      try {
        url = new URL(website);
      } catch {
        err('website', 'INVALID_URL', `website is not a valid address: "${website}".`);
      }
      if (url && url.protocol !== 'http:' && url.protocol !== 'https:') err('website', 'UNSAFE_URL', `website must start with http:// or https://; got "${url.protocol}".`);
    }
    const email = text('email', 254);
    if (email && !normaliseEmail(email)) err('email', 'INVALID_EMAIL', `email is not a valid address: "${email}".`);
    const phone = text('phone', 30);
    if (phone && !isPhoneNumber(phone)) err('phone', 'INVALID_PHONE', `phone may hold digits, spaces and + ( ) - . / only, with 6 to 15 digits; got "${phone}".`);
    const yearFounded = whole('year_founded', 1900, thisYear);
    const staffCount = whole('staff_count', 0, 100_000);
    const volunteerCount = whole('volunteer_count', 0, 100_000);
    const status = choice('status', Object.values(OrganizationStatus)) ?? OrganizationStatus.ACTIVE;
    const description = text('description_sq', 10_000);

    const municipalityValue = v.municipality ?? '';
    const municipality = municipalityValue ? municipalityByName.get(municipalityValue) ?? municipalityByName.get(foldName(municipalityValue)) : undefined;
    if (!municipalityValue) err('municipality', 'REQUIRED', 'municipality is required.');
    else if (!municipality) err('municipality', 'UNKNOWN_MUNICIPALITY', `Unknown municipality "${municipalityValue}".`);
    const address = text('address', 500);

    let site: ParsedRow['site'] = null;
    if (v.lat || v.lng) {
      const lat = Number(v.lat);
      const lng = Number(v.lng);
      if (!v.lat || !v.lng) err(v.lat ? 'lng' : 'lat', 'INCOMPLETE_POINT', 'lat and lng go together: give both or neither.');
      else if (!Number.isFinite(lat) || !Number.isFinite(lng)) err(Number.isFinite(lat) ? 'lng' : 'lat', 'NOT_A_NUMBER', 'lat and lng must be decimal degrees.');
      else if (municipality) {
        const check = checkPointInMunicipality(lat, lng, { ...municipality, boundary: boundaries.get(municipality.id) ?? null });
        if (!check.ok) err('lat', check.code, check.message);
        else site = { lat, lng };
      }
    } else if (municipality) {
      // No point given: the site sits at the seat until someone places it on the map.
      site = { lat: municipality.seatLat, lng: municipality.seatLng };
    }

    let service: ParsedRow['service'] = null;
    const serviceName = text('service_name_sq', 300);
    const serviceColumnsUsed = ['service_categories', 'service_target_groups', 'service_area', 'service_capacity', 'service_fee'].some((c) => v[c]);
    if (serviceColumnsUsed && !serviceName) err('service_name_sq', 'REQUIRED', 'service_name_sq is required when other service columns are filled.');
    if (serviceName) {
      const categoryIds = codes('service_categories', (c) => catalog.categoriesByCode.get(c), 'service category');
      if (!list(v.service_categories ?? '').length) err('service_categories', 'REQUIRED', 'A service needs at least one category.');
      const targetGroupIds = codes('service_target_groups', (c) => catalog.targetGroupsByCode.get(c), 'target group');
      const areaIds = codes('service_area', (c) => catalog.municipalitiesByCode.get(c), 'municipality');
      const capacity = whole('service_capacity', 0, 1_000_000);
      const fee = choice('service_fee', Object.values(ServiceFee));
      service = { name: serviceName, categoryIds, targetGroupIds, areaIds: areaIds.length ? areaIds : municipality ? [municipality.id] : [], capacity, fee };
    }

    let licence: ParsedRow['licence'] = null;
    const licenceUsed = ['licence_number', 'licence_authority', 'licence_categories', 'licence_valid_from', 'licence_valid_until'].some((c) => v[c]);
    if (licenceUsed) {
      const number = text('licence_number', 100, true);
      const categoryIds = codes('licence_categories', (c) => catalog.categoriesByCode.get(c), 'service category');
      if (!list(v.licence_categories ?? '').length) err('licence_categories', 'REQUIRED', 'A licence covers at least one category.');
      const validFrom = date('licence_valid_from');
      if (!v.licence_valid_from) err('licence_valid_from', 'REQUIRED', 'licence_valid_from is required with a licence.');
      const validUntil = date('licence_valid_until');
      if (validFrom && validUntil && validUntil < validFrom) err('licence_valid_until', 'DATE_ORDER', 'licence_valid_until is before licence_valid_from.');
      if (number && validFrom) licence = { number, authority: v.licence_authority || 'Ministria e Drejtësisë', categoryIds, validFrom, validUntil };
    }

    let duplicateOf: string | undefined;
    if (!errors.length && nameSq && municipality) {
      const registrationKey = registrationNumber?.toLowerCase();
      const placeKey = `${foldName(nameSq)}|${municipality.id}`;
      const inFile = (registrationKey && seenRegistration.get(registrationKey)) || seenNameAndPlace.get(placeKey);
      if (registrationKey && byRegistration.has(registrationKey)) {
        duplicateOf = byRegistration.get(registrationKey);
        err('registration_number', 'DUPLICATE_REGISTRATION', `An organization with registration number ${registrationNumber} is already in the registry.`);
      } else if (byNameAndPlace.has(placeKey)) {
        duplicateOf = byNameAndPlace.get(placeKey);
        err('name_sq', 'DUPLICATE_NAME', `An organization named "${nameSq}" already has a site in ${municipality.names.sq}.`);
      } else if (inFile) {
        err(registrationKey && seenRegistration.get(registrationKey) ? 'registration_number' : 'name_sq', 'DUPLICATE_IN_FILE', `Same organization as line ${inFile}.`);
      }
      if (registrationKey && !seenRegistration.has(registrationKey)) seenRegistration.set(registrationKey, row.line);
      if (!seenNameAndPlace.has(placeKey)) seenNameAndPlace.set(placeKey, row.line);
    }

    const isDuplicate = errors.length > 0 && errors.every((e) => e.code.startsWith('DUPLICATE'));
    const status_ = errors.length === 0 ? 'valid' : isDuplicate ? 'duplicate' : 'invalid';
    report.rows.push({ line: row.line, status: status_, errors, ...(duplicateOf ? { duplicateOf } : {}) });
    if (status_ === 'valid') {
      valid.push({
        line: row.line,
        values: v,
        municipality,
        site,
        service,
        licence,
        organization: {
          names: localizedText(nameSq!, nameSr, nameEn),
          acronym,
          legalForm: legalForm ?? LegalForm.ASSOCIATION,
          registrationNumber,
          registrationDate,
          publicBenefit,
          website,
          email: email?.toLowerCase() ?? null,
          phone,
          yearFounded,
          staffCount,
          volunteerCount,
          status,
          descriptions: { sq: description, sr: null, en: null },
        },
      });
    }
  }
  report.summary = {
    total: report.rows.length,
    valid: valid.length,
    invalid: report.rows.filter((r) => r.status === 'invalid').length,
    duplicates: report.rows.filter((r) => r.status === 'duplicate').length,
  };
  return { report, rows: valid };
}

/**
 * Writes every valid row in ONE transaction: all of them or, on any failure, none. Progress is
 * reported after each batch of rows.
 */
export async function commitCsvImport(
  em: EntityManager,
  prepared: PreparedCsvImport,
  options: { onProgress?: (done: number, total: number) => unknown; batchSize?: number; actorId?: string | null } = {},
): Promise<{ organizations: number }> {
  const batchSize = options.batchSize ?? 500;
  const total = prepared.rows.length;
  await em.transactional(async (tx) => {
    const organizationIds: string[] = [];
    for (let start = 0; start < total; start += batchSize) {
      for (const row of prepared.rows.slice(start, start + batchSize)) {
        const organization = tx.create(Organization, row.organization as any);
        organizationIds.push(organization.id);
        // The audit log says where each imported record came from: one IMPORT revision per organization.
        recordRevision(tx, {
          entityType: 'Organization',
          entityId: organization.id,
          organizationId: organization.id,
          authorId: options.actorId ?? null,
          action: RevisionAction.IMPORT,
          before: null,
          after: { source: 'csv', line: row.line, ...Object.fromEntries(Object.entries(row.values).filter(([, v]) => v !== '')) },
        });
        const location = row.site
          ? tx.create(Location, {
              organization,
              municipality: tx.getReference(Municipality, row.municipality!.id),
              lat: row.site.lat,
              lng: row.site.lng,
              address: row.values.address || null,
            })
          : null;
        if (row.service) {
          const service = tx.create(Service, { organization, names: localizedText(row.service.name), capacityPerYear: row.service.capacity, fee: row.service.fee });
          service.categories.set(row.service.categoryIds.map((id) => tx.getReference('ServiceCategory', id) as any));
          service.targetGroups.set(row.service.targetGroupIds.map((id) => tx.getReference('TargetGroup', id) as any));
          service.serviceArea.set(row.service.areaIds.map((id) => tx.getReference(Municipality, id)));
          if (location) tx.create(ServiceAtLocation, { service, location });
        }
        if (row.licence) {
          const licence = tx.create(Licence, {
            organization,
            number: row.licence.number,
            issuingAuthority: row.licence.authority,
            validFrom: row.licence.validFrom,
            validUntil: row.licence.validUntil,
          });
          licence.categories.set(row.licence.categoryIds.map((id) => tx.getReference('ServiceCategory', id) as any));
        }
      }
      await tx.flush();
      tx.clear();
      await options.onProgress?.(Math.min(start + batchSize, total), total);
    }
    await refreshCoverage(tx, organizationIds);
  });
  return { organizations: total };
}
