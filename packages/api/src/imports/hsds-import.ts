import { refreshCoverage } from '../coverage/coverage-summary';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Revision, RevisionAction } from '../revisions/revision.entity';
import type { User } from '../users/user.entity';
import { localizedText } from '../core/localized-text';
import { foldName } from '../geography/boundaries-import';
import { Municipality } from '../geography/municipality.entity';
import { IMPORTED_AUTHOR_PREFIX } from '../hsds/hsds-metadata';
import { type HsdsIssue, HsdsOrganizationParser, type ParsedHsdsOrganization } from '../hsds/hsds-parse';
import type { OrganizationBundle } from '../hsds/hsds-records';
import { HsdsVocabulary } from '../hsds/hsds-vocabulary';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import type { BudgetBand, LegalForm, OrganizationStatus } from '../organizations/organization.enums';
import { loadReferenceCatalog, type ReferenceCatalog } from '../reference/reference-catalog';
import { ServiceAtLocation } from '../services/service-at-location.entity';
import { Service } from '../services/service.entity';
import type { ServiceFee, ServiceStatus } from '../services/service.enums';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import { pgArray } from '../core/sql';

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

  // Ids already in the registry, and registry organizations the records may duplicate.
  const allIds = [...new Set(results.flatMap((r) => r.parsed?.ids.map((i) => i.id) ?? []))];
  const existing = new Map<string, string>();
  for (let start = 0; start < allIds.length; start += 5000) {
    const chunk = pgArray(allIds.slice(start, start + 5000));
    const rows: { id: string; kind: string }[] = await em.execute(
      `select id::text, 'organization' as kind from organization where id = any(?::uuid[])
       union all select id::text, 'service' from service where id = any(?::uuid[])
       union all select id::text, 'location' from location where id = any(?::uuid[])
       union all select id::text, 'service_at_location' from service_at_location where id = any(?::uuid[])
       union all select id::text, 'revision' from revision where id = any(?::uuid[])`,
      [chunk, chunk, chunk, chunk, chunk],
    );
    for (const row of rows) existing.set(row.id, row.kind);
  }
  const registry: { id: string; registration_number: string | null; name_sq: string; municipality_ids: string[] }[] = await em.execute(
    `select o.id, o.registration_number, o.name_sq, array(select distinct l.municipality_id::text from location l where l.organization_id = o.id) as municipality_ids from organization o`,
  );
  const byRegistration = new Map(registry.filter((e) => e.registration_number).map((e) => [e.registration_number!.trim().toLowerCase(), e.id]));
  const byNameAndPlace = new Map<string, string>();
  for (const e of registry) for (const m of e.municipality_ids) byNameAndPlace.set(`${foldName(e.name_sq)}|${m}`, e.id);

  const seenIds = new Map<string, number>();
  const seenRegistration = new Map<string, number>();
  const seenNameAndPlace = new Map<string, number>();
  const rows: HsdsImportRow[] = [];
  const valid: PreparedHsdsImport['valid'] = [];
  for (const result of results) {
    const errors: HsdsImportIssue[] = result.errors.map((e) => ({ line: result.line, ...e }));
    const warnings: HsdsImportIssue[] = result.warnings.map((w) => ({ line: result.line, ...w }));
    const parsed = result.parsed;
    let duplicateOf: string | undefined;
    if (parsed) {
      const organization = parsed.bundle.organization;
      if (existing.get(organization.id) === 'organization') {
        // The organization is in the registry already (its services and sites with it): one duplicate, not a list of clashes.
        duplicateOf = organization.id;
        errors.push({ line: result.line, path: 'id', code: 'DUPLICATE_ID', message: `The organization ${organization.id} is already in the registry.` });
      }
      for (const { id, path } of duplicateOf ? [] : parsed.ids) {
        const kind = existing.get(id);
        if (kind) {
          errors.push({ line: result.line, path, code: 'ID_EXISTS', message: `The id ${id} is already used by a ${kind.replace(/_/g, ' ')} in the registry.` });
        } else if (seenIds.has(id)) {
          errors.push({ line: result.line, path, code: 'DUPLICATE_IN_FILE', message: `The id ${id} is also used on line ${seenIds.get(id)}.` });
        }
      }
      const registration = organization.registrationNumber?.trim().toLowerCase();
      if (!duplicateOf && registration && byRegistration.has(registration)) {
        duplicateOf = byRegistration.get(registration);
        errors.push({ line: result.line, path: 'organization_identifiers', code: 'DUPLICATE_REGISTRATION', message: `An organization with registration number ${organization.registrationNumber} is already in the registry (${duplicateOf}).` });
      } else if (registration && seenRegistration.has(registration)) {
        errors.push({ line: result.line, path: 'organization_identifiers', code: 'DUPLICATE_IN_FILE', message: `Registration number ${organization.registrationNumber} is also on line ${seenRegistration.get(registration)}.` });
      }
      for (const municipalityId of parsed.municipalityIds) {
        const key = `${foldName(organization.names.sq)}|${municipalityId}`;
        if (!duplicateOf && byNameAndPlace.has(key)) {
          duplicateOf = byNameAndPlace.get(key);
          errors.push({ line: result.line, path: 'name', code: 'DUPLICATE_NAME', message: `An organization named "${organization.names.sq}" already has a site in the same municipality (${duplicateOf}).` });
        } else if (seenNameAndPlace.has(key) && !warnings.some((w) => w.code === 'POSSIBLE_DUPLICATE_IN_FILE')) {
          // Two records with their own ids may be two organizations of one name in one town: the operator decides.
          warnings.push({ line: result.line, path: 'name', code: 'POSSIBLE_DUPLICATE_IN_FILE', message: `An organization of the same name with a site in the same municipality is on line ${seenNameAndPlace.get(key)}; both are imported.` });
        }
      }
      for (const { id } of parsed.ids) if (!seenIds.has(id)) seenIds.set(id, result.line);
      if (registration && !seenRegistration.has(registration)) seenRegistration.set(registration, result.line);
      for (const m of parsed.municipalityIds) {
        const key = `${foldName(organization.names.sq)}|${m}`;
        if (!seenNameAndPlace.has(key)) seenNameAndPlace.set(key, result.line);
      }
    }
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

function writeBundle(tx: EntityManager, bundle: OrganizationBundle, actor: Pick<User, 'id'> | null) {
  const o = bundle.organization;
  const organization = tx.create(Organization, {
    id: o.id,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    names: localizedText(o.names.sq, o.names.sr, o.names.en),
    acronym: o.acronym,
    descriptions: { sq: o.descriptions.sq, sr: o.descriptions.sr, en: o.descriptions.en },
    legalForm: o.legalForm as LegalForm,
    registrationNumber: o.registrationNumber,
    registrationDate: o.registrationDate,
    publicBenefit: o.publicBenefit,
    website: o.website,
    email: o.email,
    phone: o.phone,
    yearFounded: o.yearFounded,
    staffCount: o.staffCount,
    volunteerCount: o.volunteerCount,
    budgetBand: o.budgetBand as BudgetBand | null,
    fundingPublicPct: o.fundingPublicPct,
    fundingForeignPct: o.fundingForeignPct,
    fundingOwnPct: o.fundingOwnPct,
    fundingOtherPct: o.fundingOtherPct,
    status: o.status as OrganizationStatus,
    isDemo: o.isDemo,
  });
  const locations = new Map<string, Location>();
  for (const l of bundle.locations) {
    locations.set(
      l.id,
      tx.create(Location, {
        id: l.id,
        createdAt: l.createdAt,
        updatedAt: l.updatedAt,
        organization,
        name: l.name,
        address: l.address,
        municipality: tx.getReference(Municipality, l.municipalityId),
        lat: l.lat,
        lng: l.lng,
        accessibility: l.accessibility,
        openingHours: l.openingHours,
        isDemo: l.isDemo,
      }),
    );
  }
  const services = new Map<string, Service>();
  for (const s of bundle.services) {
    const service = tx.create(Service, {
      id: s.id,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      organization,
      names: localizedText(s.names.sq, s.names.sr, s.names.en),
      descriptions: { sq: s.descriptions.sq, sr: s.descriptions.sr, en: s.descriptions.en },
      languages: s.languages,
      eligibility: s.eligibility,
      fee: s.fee as ServiceFee | null,
      capacityPerYear: s.capacityPerYear,
      residentialPlaces: s.residentialPlaces,
      status: s.status as ServiceStatus,
      isDemo: s.isDemo,
    });
    service.categories.set(s.categoryIds.map((id) => tx.getReference(ServiceCategory, id)));
    service.targetGroups.set(s.targetGroupIds.map((id) => tx.getReference(TargetGroup, id)));
    service.serviceArea.set(s.areaMunicipalityIds.map((id) => tx.getReference(Municipality, id)));
    services.set(s.id, service);
  }
  for (const sal of bundle.serviceAtLocations) {
    tx.create(ServiceAtLocation, {
      id: sal.id,
      createdAt: sal.createdAt,
      updatedAt: sal.updatedAt,
      service: services.get(sal.serviceId)!,
      location: locations.get(sal.locationId)!,
    });
  }
  for (const r of bundle.revisions) {
    tx.create(Revision, {
      id: r.id,
      createdAt: r.createdAt,
      entityType: r.entityType,
      entityId: r.entityId,
      organizationId: o.id,
      author: null,
      action: r.action as RevisionAction,
      changes: r.changes,
      reason: r.authorName ? `${IMPORTED_AUTHOR_PREFIX}${r.authorName}` : null,
    });
  }
  // The import itself, in the audit log (not part of the HSDS change log: the record's own history is).
  tx.create(Revision, {
    entityType: 'Organization',
    entityId: o.id,
    organizationId: o.id,
    author: actor ? tx.getReference('User', actor.id) : null,
    action: RevisionAction.IMPORT,
    changes: [{ field: 'source', old: null, new: 'HSDS 3.0 import' }],
    reason: 'HSDS 3.0 import',
  } as never);
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
