import type { MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import express, { type Request, type Response, type Router } from 'express';
import { once } from 'node:events';
import type { Logger } from 'pino';
import type { AppConfig } from '../core/config';
import { MAX_PAGE_SIZE } from '../core/pagination';
import type { ReferenceCache } from '../reference/reference-catalog';
import { contractingPage, type ContractingRow } from '../organizations/contracting-search';
import type { ContractableArgs } from '../organizations/contractable-rule';
import { ContractabilityCondition } from '../organizations/contractability.types';
import { csvPreamble } from './export-formats';
import { ExportRequestError } from './export-filter';

/** The ranked list of the officer's page (organizations/contracting-search.ts), with each condition's verdict and reason. */
export const CONTRACTABLE_COLUMNS = [
  'rank', 'organization_id', 'name_sq', 'name_en', 'contractable', 'failing', 'distance_km', 'capacity_per_year', 'residential_places',
  ...Object.values(ContractabilityCondition).flatMap((c) => [`${c.toLowerCase()}_holds`, `${c.toLowerCase()}_reason`]),
  'licence_number', 'licence_valid_from', 'licence_valid_until', 'status', 'verification_status', 'is_demo',
];

function csvRow(rank: number, r: ContractingRow): unknown[] {
  const o = r.organization as unknown as Record<string, any>;
  const licence = r.contractability.checks.find((c) => c.condition === ContractabilityCondition.LICENCE)!;
  return [
    rank, r.id, o.name_sq, o.name_en, r.contractable, r.contractability.failing.join(';'), r.distanceKm === null ? '' : r.distanceKm.toFixed(2), r.capacity, r.residentialPlaces,
    ...r.contractability.checks.flatMap((c) => [c.holds, c.message]),
    licence.licenceNumber, licence.licenceValidFrom, licence.licenceValidUntil, o.status, o.verification_status, o.is_demo,
  ];
}

const NODE = (a: string) =>
  `json_build_object('name_sq', ${a}.name_sq, 'name_en', ${a}.name_en, 'status', ${a}.status, 'verification_status', ${a}.verification_status, 'is_demo', ${a}.is_demo)`;

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
    let search;
    let first;
    try {
      search = searchOf(req);
      // The first page before any byte is sent: a bad search is a 400, not a cut stream.
      first = await contractingPage(em, catalog, { ...search, first: MAX_PAGE_SIZE, node: NODE });
    } catch (error) {
      if (error instanceof ExportRequestError || (error as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT') {
        return void res.status(400).json({ error: (error as Error).message });
      }
      throw error;
    }
    const on = first.rows[0]?.contractability.on ?? search.on;
    const filter = JSON.parse(JSON.stringify({ ...search, on }, (_k, v) => (v === null ? undefined : v)));
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="civimap-contractable.csv"');
    res.setHeader('Cache-Control', 'no-store');
    res.write(
      csvPreamble({
        title: 'civimap export: ranked contractable providers (contractable first, then nearest, largest capacity, name)',
        source: `civimap ${req.originalUrl}`,
        licence: deps.config.dataLicence,
        generatedAt: new Date(),
        filter,
        includesDemo: first.rows.some((r) => (r.organization as unknown as { is_demo: boolean }).is_demo),
      }),
    );
    const csv = stringify({ header: true, columns: CONTRACTABLE_COLUMNS, cast: { boolean: (v) => String(v) } });
    csv.pipe(res);
    try {
      let page = first;
      let rank = 0;
      for (;;) {
        for (const row of page.rows) if (!csv.write(csvRow(++rank, row))) await once(csv, 'drain');
        if (!page.pageInfo.hasNextPage) break;
        page = await contractingPage(em, catalog, { ...search, first: MAX_PAGE_SIZE, after: page.pageInfo.endCursor, node: NODE });
      }
      csv.end();
    } catch (error) {
      deps.logger.error({ err: error, url: req.originalUrl }, 'export failed while streaming');
      res.destroy(error as Error);
    }
  });
  return router;
}
