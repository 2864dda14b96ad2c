import { refreshCoverage } from '../coverage/coverage-summary';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity';
import { type HsdsIssue, HsdsOrganizationParser, type ParsedHsdsOrganization } from '../hsds/hsds-parse';
import type { OrganizationBundle } from '../hsds/hsds-records';
import { HsdsVocabulary } from '../hsds/hsds-vocabulary';
import { RegistryClashes } from './hsds-import-clashes';
import { writeBundle } from './hsds-import-write';
import { loadReferenceCatalog, type ReferenceCatalog } from '../reference/reference-catalog';

/**
 * HSDS 3.0 JSON import: full HSDS organization objects (one per NDJSON line, as
 * /hsds/organizations?full_service=true&format=ndjson emits them). Each is validated; the report says,
 * per line, which field is wrong and why, and which organizations are already in the registry. On
 * commit, every valid organization with its services, locations, service-at-locations, taxonomy
 * links, service areas and change log is written in ONE transaction: all of them, or on any failure
 * none. HSDS ids become civimap ids, so export, import and export again give the same bytes.
 */

export interface HsdsLine {
  /** 1-based line of the NDJSON file (or position in the array). */
  line: number;
  record?: unknown;
  /** Why the line is not JSON. */
  parseError?: string;
}

export interface HsdsImportIssue extends HsdsIssue {
  line: number;
}

export interface HsdsImportRow {
  line: number;
  id?: string;
  name?: string;
  status: 'valid' | 'invalid' | 'duplicate';
  errors: HsdsImportIssue[];
  warnings: HsdsImportIssue[];
  /** The registry organization this record duplicates. */
  duplicateOf?: string;
}

export interface HsdsImportCounts {
  organizations: number;
  services: number;
  locations: number;
  serviceAtLocations: number;
  revisions: number;
}

export interface HsdsImportReport {
  dryRun: boolean;
  committed: boolean;
  rows: HsdsImportRow[];
  summary: { total: number; valid: number; invalid: number; duplicates: number };
  /** What the commit wrote (or, on a dry run, would write). */
  written: HsdsImportCounts;
}

export interface HsdsImportOptions {
  /** Validate and report only (the default). */
  dryRun?: boolean;
  /** Who imports: the author of the IMPORT audit entry of each organization. */
  actor?: Pick<User, 'id'> | null;
  onProgress?: (done: number, total: number) => void | Promise<void>;
  batchSize?: number;
}

export interface PreparedHsdsImport {
  report: HsdsImportReport;
  valid: { line: number; parsed: ParsedHsdsOrganization }[];
}

export const MAX_HSDS_IMPORT_RECORDS = 100_000;

/** NDJSON text to lines; blank lines are skipped, lines that are not JSON keep their parse error. */
export function readNdjson(text: string): HsdsLine[] {
  const lines: HsdsLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    try {
      lines.push({ line: index + 1, record: JSON.parse(raw) });
    } catch (error) {
      lines.push({ line: index + 1, parseError: (error as Error).message });
    }
  });
  return lines;
}

function isLine(value: unknown): value is HsdsLine {
  if (typeof value !== 'object' || value === null || typeof (value as HsdsLine).line !== 'number') return false;
  const keys = Object.keys(value);
  return keys.every((k) => k === 'line' || k === 'record' || k === 'parseError');
}

const toLines = (records: readonly unknown[]): HsdsLine[] => records.map((r, i) => (isLine(r) ? r : { line: i + 1, record: r }));

function counts(bundles: OrganizationBundle[]): HsdsImportCounts {
  return {
    organizations: bundles.length,
    services: bundles.reduce((n, b) => n + b.services.length, 0),
    locations: bundles.reduce((n, b) => n + b.locations.length, 0),
    serviceAtLocations: bundles.reduce((n, b) => n + b.serviceAtLocations.length, 0),
    revisions: bundles.reduce((n, b) => n + b.revisions.length, 0),
  };
}

/** Validates every record against HSDS, civimap's rules and the registry; writes nothing. */
export async function prepareHsdsImport(em: EntityManager, records: readonly unknown[], catalog?: ReferenceCatalog): Promise<PreparedHsdsImport> {
  const lines = toLines(records);
  if (lines.length > MAX_HSDS_IMPORT_RECORDS) throw new Error(`An HSDS import takes at most ${MAX_HSDS_IMPORT_RECORDS} organizations; the file has ${lines.length}.`);
  const vocabulary = new HsdsVocabulary(catalog ?? (await loadReferenceCatalog(em)));
  const boundaryRows: { id: string; boundary: unknown }[] = await em.execute('select id, boundary from municipality where boundary is not null');
  const parser = new HsdsOrganizationParser(vocabulary, new Map(boundaryRows.map((r) => [r.id, typeof r.boundary === 'string' ? JSON.parse(r.boundary) : r.boundary])));

  const results = lines.map((line) => {
    if (line.parseError !== undefined) {
      return { line: line.line, parsed: null, errors: [{ path: '', code: 'INVALID_JSON', message: `The line is not JSON: ${line.parseError}` }], warnings: [], raw: null };
    }
    const raw = line.record as Record<string, unknown> | null;
    return { line: line.line, ...parser.parse(line.record), raw };
  });

  const clashes = await RegistryClashes.load(em, results.flatMap((r) => (r.parsed ? [r.parsed] : [])));
  const rows: HsdsImportRow[] = [];
  const valid: PreparedHsdsImport['valid'] = [];
  for (const result of results) {
    const errors: HsdsImportIssue[] = result.errors.map((e) => ({ line: result.line, ...e }));
    const warnings: HsdsImportIssue[] = result.warnings.map((w) => ({ line: result.line, ...w }));
    const parsed = result.parsed;
    const duplicateOf = parsed ? clashes.check(result.line, parsed, errors, warnings) : undefined;
    const isDuplicate = errors.length > 0 && errors.every((e) => e.code.startsWith('DUPLICATE')) && duplicateOf !== undefined;
    const status: HsdsImportRow['status'] = errors.length === 0 ? 'valid' : isDuplicate ? 'duplicate' : 'invalid';
    const raw = result.raw;
    rows.push({
      line: result.line,
      ...(typeof raw?.id === 'string' ? { id: raw.id } : {}),
      ...(typeof raw?.name === 'string' ? { name: raw.name } : {}),
      status,
      errors,
      warnings,
      ...(duplicateOf ? { duplicateOf } : {}),
    });
    if (status === 'valid' && parsed) valid.push({ line: result.line, parsed });
  }
  return {
    report: {
      dryRun: true,
      committed: false,
      rows,
      summary: {
        total: rows.length,
        valid: valid.length,
        invalid: rows.filter((r) => r.status === 'invalid').length,
        duplicates: rows.filter((r) => r.status === 'duplicate').length,
      },
      written: counts(valid.map((v) => v.parsed.bundle)),
    },
    valid,
  };
}

/** Writes every valid record in ONE transaction: all of them, or (on any error) none. */
export async function commitHsdsImport(em: EntityManager, prepared: PreparedHsdsImport, options: HsdsImportOptions = {}): Promise<HsdsImportCounts> {
  const batchSize = options.batchSize ?? 100;
  const total = prepared.valid.length;
  const bundles = prepared.valid.map((v) => v.parsed.bundle);
  await em.transactional(async (tx) => {
    for (let start = 0; start < total; start += batchSize) {
      for (const bundle of bundles.slice(start, start + batchSize)) writeBundle(tx, bundle, options.actor ?? null);
      await tx.flush();
      tx.clear();
      await options.onProgress?.(Math.min(start + batchSize, total), total);
    }
    await refreshCoverage(tx, bundles.map((b) => b.organization.id));
  });
  return counts(bundles);
}

/**
 * Validates the records and, unless it is a dry run (the default), writes the valid ones in one
 * transaction. Returns the per-line report.
 */
export async function importHsds(em: EntityManager, records: readonly unknown[], options: HsdsImportOptions = {}): Promise<HsdsImportReport> {
  const prepared = await prepareHsdsImport(em, records);
  const dryRun = options.dryRun !== false;
  if (dryRun) return prepared.report;
  const written = await commitHsdsImport(em, prepared, options);
  return { ...prepared.report, dryRun: false, committed: true, written };
}

/** The same, bound to an EntityManager: `new HsdsImportService(em).importHsds(records, { dryRun, actor })`. */
export class HsdsImportService {
  constructor(private readonly em: EntityManager) {}

  importHsds(records: readonly unknown[], options: HsdsImportOptions = {}): Promise<HsdsImportReport> {
    return importHsds(this.em, records, options);
  }
}
