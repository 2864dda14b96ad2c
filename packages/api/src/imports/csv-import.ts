import { refreshCoverage } from '../coverage/coverage-summary';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { localizedText } from '../core/localized-text';
import { todayInKosovo } from '../geography/geo';
import { foldName } from '../geography/boundaries-import';
import { Municipality } from '../geography/municipality.entity';
import { Licence } from '../licences/licence.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { LegalForm } from '../organizations/organization.enums';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { ServiceAtLocation } from '../services/service-at-location.entity';
import { Service } from '../services/service.entity';
import { CSV_COLUMNS } from './csv-columns';
import { RevisionAction } from '../revisions/revision.entity';
import { recordRevision } from '../revisions/revision.service';
import { CsvDuplicates } from './csv-duplicates';
import type { ImportIssue } from './csv-row-reader';
import { CsvRowReader } from './csv-row-reader';
import { type CsvLicence, type CsvRowContext, type CsvService, type CsvSite, readLicenceColumns, readOrganizationColumns, readServiceColumns, readSiteColumns } from './csv-row-parse';

export type { ImportIssue } from './csv-row-reader';

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
  site?: CsvSite;
  service?: CsvService;
  licence?: CsvLicence;
}

export interface PreparedCsvImport {
  report: ImportReport;
  /** The valid rows, ready to commit. */
  rows: ParsedRow[];
}

export const MAX_IMPORT_ROWS = 50_000;

type RawRow = { line: number; values: Record<string, string>; extra: number };

/**
 * Validates a CSV file row by row against the documented columns and the registry (reference codes,
 * existing organizations), without writing anything. The report says, per row, what is wrong and in
 * which column.
 */
export async function prepareCsvImport(em: EntityManager, catalog: ReferenceCatalog, text: string): Promise<PreparedCsvImport> {
  const report: ImportReport = { fileErrors: [], rows: [], summary: { total: 0, valid: 0, invalid: 0, duplicates: 0 } };
  const raw = readFile(text, report.fileErrors);
  if (!raw) return { report, rows: [] };
  const context = await rowContext(em, catalog);
  const duplicates = await CsvDuplicates.load(em);
  const valid: ParsedRow[] = [];
  for (const row of raw) {
    const { result, parsed } = prepareRow(row, context, duplicates);
    report.rows.push(result);
    if (parsed) valid.push(parsed);
  }
  report.summary = {
    total: report.rows.length,
    valid: valid.length,
    invalid: report.rows.filter((r) => r.status === 'invalid').length,
    duplicates: report.rows.filter((r) => r.status === 'duplicate').length,
  };
  return { report, rows: valid };
}

/** The file's rows as cells by (lower-cased) column, or null with the file errors: malformed, empty, unknown, missing or repeated columns, too many rows. */
function readFile(text: string, fileErrors: ImportIssue[]): RawRow[] | null {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    fileErrors.push({ column: null, code: 'MALFORMED_CSV', message: `The file is not valid CSV: ${(error as Error).message}` });
    return null;
  }
  if (!records.length) {
    fileErrors.push({ column: null, code: 'EMPTY_FILE', message: 'The file is empty: it needs a header row and at least one row.' });
    return null;
  }
  const header = records[0].map((h) => h.trim().toLowerCase());
  const known = new Set(CSV_COLUMNS.map((c) => c.name));
  for (const name of header.filter((h) => !known.has(h))) {
    fileErrors.push({ column: name, code: 'UNKNOWN_COLUMN', message: `Unknown column "${name}". The template lists the columns.` });
  }
  for (const column of CSV_COLUMNS.filter((c) => c.required && !header.includes(c.name))) {
    fileErrors.push({ column: column.name, code: 'MISSING_COLUMN', message: `The required column "${column.name}" is missing.` });
  }
  const duplicatesInHeader = header.filter((h, i) => header.indexOf(h) !== i);
  for (const name of new Set(duplicatesInHeader)) fileErrors.push({ column: name, code: 'DUPLICATE_COLUMN', message: `The column "${name}" appears twice.` });
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    fileErrors.push({ column: null, code: 'TOO_MANY_ROWS', message: `At most ${MAX_IMPORT_ROWS} rows per file; this one has ${records.length - 1}.` });
  }
  if (fileErrors.length) return null;
  return records.slice(1).map((fields, index) => {
    const values: Record<string, string> = {};
    header.forEach((name, i) => (values[name] = fields[i] ?? ''));
    return { line: index + 2, values, extra: fields.length - header.length };
  });
}

async function rowContext(em: EntityManager, catalog: ReferenceCatalog): Promise<CsvRowContext> {
  const municipalityByName = new Map<string, Municipality>();
  for (const m of catalog.municipalities) {
    municipalityByName.set(m.code, m);
    for (const name of [m.names.sq, m.names.sr, m.names.en]) if (name) municipalityByName.set(foldName(name), m);
  }
  const boundaryRows: { id: string; boundary: unknown }[] = await em.execute('select id, boundary from municipality where boundary is not null');
  const boundaries = new Map(boundaryRows.map((r) => [r.id, r.boundary]));
  const today = todayInKosovo();
  return { catalog, municipalityByName, boundaries, today, thisYear: Number(today.slice(0, 4)) };
}

/** One row checked column by column, then against the registry and the earlier lines; a row whose only errors are duplicates is a duplicate. */
function prepareRow(row: RawRow, context: CsvRowContext, duplicates: CsvDuplicates): { result: ImportRow; parsed: ParsedRow | null } {
  const r = new CsvRowReader(row.values, row.extra);
  const o = readOrganizationColumns(r, context);
  const { municipality, site } = readSiteColumns(r, context);
  const service = readServiceColumns(r, context.catalog, municipality);
  const licence = readLicenceColumns(r, context.catalog);
  const { errors } = r;
  const duplicateOf = !errors.length && o.nameSq && municipality ? duplicates.check(r, row.line, o.nameSq, o.registrationNumber, municipality) : undefined;
  const isDuplicate = errors.length > 0 && errors.every((e) => e.code.startsWith('DUPLICATE'));
  const status = errors.length === 0 ? 'valid' : isDuplicate ? 'duplicate' : 'invalid';
  const result: ImportRow = { line: row.line, status, errors, ...(duplicateOf ? { duplicateOf } : {}) };
  if (status !== 'valid') return { result, parsed: null };
  const organization = {
    names: localizedText(o.nameSq!, o.nameSr, o.nameEn),
    acronym: o.acronym,
    legalForm: o.legalForm ?? LegalForm.ASSOCIATION,
    registrationNumber: o.registrationNumber,
    registrationDate: o.registrationDate,
    publicBenefit: o.publicBenefit,
    website: o.website,
    email: o.email?.toLowerCase() ?? null,
    phone: o.phone,
    yearFounded: o.yearFounded,
    staffCount: o.staffCount,
    volunteerCount: o.volunteerCount,
    status: o.status,
    descriptions: { sq: o.description, sr: null, en: null },
  };
  return { result, parsed: { line: row.line, values: row.values, municipality, site, service, licence, organization } };
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
