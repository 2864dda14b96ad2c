import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { AppConfig } from '../core/config';
import { createCsvWriter, setCsvHeaders, wantsBom } from '../core/csv';
import { CoverageService } from '../coverage/coverage.service';
import { CoverageFilter } from '../coverage/coverage.types';
import type { CoverageCell } from '../coverage/coverage.types';
import type { ReferenceCache, ReferenceCatalog } from '../reference/reference-catalog';
import { columnsOf, COVERAGE_FIELDS } from './export-fields';
import { ExportRequestError, isObject, jsonParameter } from './export-filter';
import { parsedOr400, stated } from './export-http';
import { exportUrl } from './export-package';

export const COVERAGE_COLUMNS = columnsOf(COVERAGE_FIELDS);
const KNOWN = ['categories', 'targetGroups', 'regions', 'includeDemo'];
export const LANGUAGES = ['sq', 'sr', 'en'] as const;
export type ExportLanguage = (typeof LANGUAGES)[number];

/** The `filter` parameter of /export/coverage.csv: a CoverageFilter as JSON, as the coverage query takes it. */
export function parseCoverageFilterParameter(raw: unknown): CoverageFilter {
  const filter = new CoverageFilter();
  const record = jsonParameter(raw, 'filter', 'a CoverageFilter such as {"categories":["residential"]}');
  if (record === undefined) return filter;
  if (!isObject(record)) throw new ExportRequestError('"filter" must be a JSON object (a CoverageFilter).');
  const unknown = Object.keys(record).filter((k) => !KNOWN.includes(k));
  if (unknown.length) throw new ExportRequestError(`Unknown coverage filter field(s): ${unknown.join(', ')}. Known: ${KNOWN.join(', ')}.`);
  for (const key of ['categories', 'targetGroups', 'regions'] as const) {
    const v = record[key];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || !v.every((c) => typeof c === 'string')) throw new ExportRequestError(`filter.${key} must be a list of codes.`);
    filter[key] = v as string[];
  }
  if (record.includeDemo !== undefined && record.includeDemo !== null) {
    if (typeof record.includeDemo !== 'boolean') throw new ExportRequestError('filter.includeDemo must be true or false.');
    filter.includeDemo = record.includeDemo;
  }
  return filter;
}

/** The `lang` parameter: the language of the names (default sq). */
export function parseLanguageParameter(raw: unknown): ExportLanguage {
  if (raw === undefined || raw === '') return 'sq';
  if (typeof raw !== 'string' || !(LANGUAGES as readonly string[]).includes(raw)) throw new ExportRequestError('"lang" must be sq, sr or en.');
  return raw as ExportLanguage;
}

/** One coverage cell as a CSV record, in the order of COVERAGE_COLUMNS; every figure the coverage page shows. */
export function coverageCsvRow(cell: CoverageCell, catalog: ReferenceCatalog, lang: ExportLanguage): unknown[] {
  const m = cell.municipality;
  const region = catalog.regionOf(m);
  const names = (value: { sq: string; sr?: string | null; en?: string | null }) => value[lang] || value.sq;
  return [
    m.code,
    names(m.names),
    region.code,
    m.population,
    m.populationYear,
    cell.category.code,
    names(cell.category.names),
    cell.providers,
    cell.sites,
    round(cell.providersPer10k, 4),
    cell.nearestSiteKm === null ? null : round(cell.nearestSiteKm, 3),
    cell.providers === 0,
  ];
}

/** Figures rounded for a table (4 decimals per 10,000; km to the metre), never as text. */
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** `/export/coverage.csv`: the coverage page's table, every figure; ?filter= is a CoverageFilter, ?lang= the names' language. */
export const coverageCsv = (deps: { orm: MikroORM; reference: ReferenceCache; config: AppConfig }) => async (req: Request, res: Response) => {
  const catalog = await deps.reference.get();
  const parsed = await parsedOr400(res, async () => {
    const filter = parseCoverageFilterParameter(req.query.filter);
    const lang = parseLanguageParameter(req.query.lang);
    return { filter, lang, report: await new CoverageService(deps.orm.em.fork(), catalog).report(filter) };
  });
  if (!parsed) return;
  const { filter, lang, report } = parsed;
  const coverageFilter = stated(filter);
  res.setHeader('X-Civimap-Generated-At', report.generatedAt.toISOString());
  res.setHeader('X-Civimap-Filter', encodeURIComponent(JSON.stringify(coverageFilter)));
  res.setHeader('Cache-Control', 'no-store');
  setCsvHeaders(res, {
    baseName: 'civimap-coverage',
    licence: deps.config.dataLicence,
    generatedAt: report.generatedAt,
    describedBy: exportUrl(deps.config.publicUrl, 'datapackage.json', { coverage: coverageFilter }),
  });
  const writer = createCsvWriter(res, COVERAGE_COLUMNS, { bom: wantsBom(req.query) });
  for (const cell of report.cells) await writer.write(coverageCsvRow(cell, catalog, lang));
  await writer.end();
};
