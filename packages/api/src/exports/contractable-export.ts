import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../core/config';
import { createCsvWriter, setCsvHeaders, wantsBom } from '../core/csv';
import { MAX_PAGE_SIZE } from '../core/pagination';
import type { ReferenceCache } from '../reference/reference-catalog';
import { contractingPage, type ContractingRow } from '../organizations/contracting-search';
import { type ContractableArgs, contractableRule } from '../organizations/contractable-rule';
import { ContractabilityCondition } from '../organizations/contractability.types';
import { OrganizationStatus, VerificationStatus } from '../organizations/organization.enums';
import { columnsOf, type ExportField } from './export-fields';
import { dataPackage, exportUrl, type PackageResource } from './export-package';
import { ExportRequestError } from './export-filter';
import { parsedOr400, streamOrCut } from './export-http';

const TEXT = 'A text that starts with = + - @, a tab or a carriage return (and is not a plain number) is written with a leading apostrophe, which is not part of the value.';

/** The ranked list of the officer's page (organizations/contracting-search.ts), with each condition's verdict and reason. */
export const CONTRACTABLE_FIELDS: ExportField[] = [
  { name: 'rank', type: 'integer', description: 'Position in the ranked list, from 1: contractable first, then nearest (by a point), largest capacity, name.', required: true },
  { name: 'organization_id', type: 'string', description: 'The organization\'s id.', required: true },
  { name: 'name_sq', type: 'string', description: `Name in Albanian. ${TEXT}` },
  { name: 'name_en', type: 'string', description: `Name in English (empty when not given). ${TEXT}` },
  { name: 'contractable', type: 'boolean', description: 'Every condition of the contractable rule holds (DESIGN section 2).', required: true },
  { name: 'failing', type: 'string', description: `The conditions that fail (${Object.values(ContractabilityCondition).join(', ')}), separated by ";" (empty: none).` },
  { name: 'distance_km', type: 'number', description: 'Distance from the point to the nearest site (searches by a point only).', unit: 'km' },
  { name: 'capacity_per_year', type: 'integer', description: 'Beneficiaries per year over the active services in the category.', unit: 'persons per year' },
  { name: 'residential_places', type: 'integer', description: 'Residential places over the active services in the category.', unit: 'places' },
  ...Object.values(ContractabilityCondition).flatMap((c): ExportField[] => [
    { name: `${c.toLowerCase()}_holds`, type: 'boolean', description: `Whether the condition ${c} holds.`, required: true },
    { name: `${c.toLowerCase()}_reason`, type: 'string', description: `Why ${c} holds or fails, in English. ${TEXT}` },
  ]),
  { name: 'licence_number', type: 'string', description: `The licence the LICENCE condition names (valid, or the nearest miss). ${TEXT}` },
  { name: 'licence_valid_from', type: 'date', description: 'First day of validity of that licence.' },
  { name: 'licence_valid_until', type: 'date', description: 'Last day of validity of that licence (empty: open-ended).' },
  { name: 'status', type: 'string', description: 'Whether the organization operates.', enum: Object.values(OrganizationStatus) },
  { name: 'verification_status', type: 'string', description: 'Whether a moderator verified the record.', enum: Object.values(VerificationStatus) },
  { name: 'is_demo', type: 'boolean', description: 'true for a fictional demo record (never real data).', required: true },
];
export const CONTRACTABLE_COLUMNS = columnsOf(CONTRACTABLE_FIELDS);

function csvRow(rank: number, r: ContractingRow): unknown[] {
  const o = r.organization as unknown as Record<string, any>;
  const licence = r.contractability.checks.find((c) => c.condition === ContractabilityCondition.LICENCE)!;
  return [
    rank, r.id, o.name_sq, o.name_en, r.contractable, r.contractability.failing, r.distanceKm === null ? null : Math.round(r.distanceKm * 1000) / 1000, r.capacity, r.residentialPlaces,
    ...r.contractability.checks.flatMap((c) => [c.holds, c.message]),
    licence.licenceNumber, licence.licenceValidFrom, licence.licenceValidUntil, o.status, o.verification_status, o.is_demo,
  ];
}

const NODE = (a: string) =>
  `json_build_object('name_sq', ${a}.name_sq, 'name_en', ${a}.name_en, 'status', ${a}.status, 'verification_status', ${a}.verification_status, 'is_demo', ${a}.is_demo)`;

/** The search as query parameters (what the page's URL and the file's link carry). */
function paramsOf(search: ContractableArgs & { lang: string }): Record<string, string> {
  const out: Record<string, string> = { category: search.category };
  if (search.municipality) out.municipality = search.municipality;
  if (search.near) Object.assign(out, { lat: String(search.near.lat), lng: String(search.near.lng), radiusKm: String(search.near.radiusKm) });
  if (search.on) out.on = search.on;
  out.lang = search.lang;
  return out;
}

function text(req: Request, name: string): string | null {
  const value = req.query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new ExportRequestError(`${name} must be given once.`);
  return value;
}

function number(req: Request, name: string): number {
  const value = Number(text(req, name));
  if (!Number.isFinite(value)) throw new ExportRequestError(`${name} must be a number.`);
  return value;
}

/** The page's search from the query string: category, municipality or lat/lng/radiusKm, on, lang (as the page's URL holds them). */
function searchOf(req: Request): ContractableArgs & { lang: 'sq' | 'sr' | 'en' } {
  const category = text(req, 'category');
  if (!category) throw new ExportRequestError('category is required (a service category code).');
  const lang = text(req, 'lang') ?? 'sq';
  if (lang !== 'sq' && lang !== 'sr' && lang !== 'en') throw new ExportRequestError('lang must be sq, sr or en.');
  const point = text(req, 'lat') !== null || text(req, 'lng') !== null;
  const near = point ? { lat: number(req, 'lat'), lng: number(req, 'lng'), radiusKm: number(req, 'radiusKm') } : null;
  return { category, municipality: text(req, 'municipality'), near, on: text(req, 'on'), lang };
}

/**
 * `/export/contractable.csv`: the officer's ranked list, exactly as the contracting page shows it
 * (the same query, every page), with the contractable rule's verdict and reason per condition.
 */
export function contractableExportRouter(deps: { orm: MikroORM; reference: ReferenceCache; config: AppConfig; logger: Logger }): Router {
  const router = express.Router();
  router.get('/contractable.csv', async (req: Request, res: Response) => {
    const em = deps.orm.em.fork();
    const catalog = await deps.reference.get();
    const parsed = await parsedOr400(res, async () => {
      const search = searchOf(req);
      // The first page before any byte is sent: a bad search is a 400, not a cut stream.
      return { search, first: await contractingPage(em, catalog, { ...search, first: MAX_PAGE_SIZE, node: NODE }) };
    });
    if (!parsed) return;
    const { search, first } = parsed;
    const generatedAt = new Date();
    // The date the rule was checked on, stated even when the search left it to today.
    const params = paramsOf({ ...search, on: first.rows[0]?.contractability.on ?? search.on });
    setCsvHeaders(res, {
      baseName: 'civimap-contractable',
      licence: deps.config.dataLicence,
      generatedAt,
      describedBy: exportUrl(deps.config.publicUrl, 'contractable.datapackage.json', params),
    });
    res.setHeader('X-Civimap-Licence', `${deps.config.dataLicence.name} <${deps.config.dataLicence.url}>`);
    res.setHeader('X-Civimap-Generated-At', generatedAt.toISOString());
    res.setHeader('X-Civimap-Filter', encodeURIComponent(JSON.stringify(params)));
    res.setHeader('X-Civimap-Includes-Demo', String(first.rows.some((r) => (r.organization as unknown as { is_demo: boolean }).is_demo)));
    res.setHeader('Cache-Control', 'no-store');
    const writer = createCsvWriter(res, CONTRACTABLE_COLUMNS, { bom: wantsBom(req.query) });
    await streamOrCut(req, res, deps.logger, async () => {
      let page = first;
      let rank = 0;
      for (;;) {
        for (const row of page.rows) await writer.write(csvRow(++rank, row));
        if (!page.pageInfo.hasNextPage) break;
        page = await contractingPage(em, catalog, { ...search, first: MAX_PAGE_SIZE, after: page.pageInfo.endCursor, node: NODE });
      }
      await writer.end();
    });
  });

  // The file's own data package: its Table Schema, licence and search (the search has required parameters).
  router.get('/contractable.datapackage.json', async (req: Request, res: Response) => {
    const search = await parsedOr400(res, async () => {
      const asked = searchOf(req);
      contractableRule(await deps.reference.get(), asked, 'contractable');
      return asked;
    });
    if (!search) return;
    const params = paramsOf(search);
    const resource: PackageResource = {
      name: 'contractable',
      file: 'contractable.csv',
      title: 'Ranked contractable providers',
      description: 'The officer\'s ranked list for a category in a municipality (or near a point) on a date, with each condition of the contractable rule, whether it holds and why.',
      fields: CONTRACTABLE_FIELDS,
      primaryKey: 'organization_id',
    };
    const pkg = dataPackage(
      { publicUrl: deps.config.publicUrl, licence: deps.config.dataLicence, generatedAt: new Date(), organizationFilter: {}, coverageFilter: {}, includesDemo: false },
      [resource],
    ) as { resources: { path: string; civimap?: unknown }[]; civimap: Record<string, unknown> };
    pkg.resources[0]!.path = exportUrl(deps.config.publicUrl, 'contractable.csv', { ...params, bom: '0' });
    pkg.resources[0]!.civimap = { search: params };
    pkg.civimap = { search: params };
    res.setHeader('Cache-Control', 'no-store');
    res.type('application/json').send(JSON.stringify(pkg, null, 2));
  });

  return router;
}
