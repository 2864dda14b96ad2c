import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../core/config';
import { createCsvWriter, setCsvHeaders, wantsBom } from '../core/csv';
import type { ReferenceCache } from '../reference/reference-catalog';
import { coverageCsv, parseCoverageFilterParameter } from './coverage-export';
import { dataPackage, exportUrl } from './export-package';
import { ocdsDocumentsRouter } from './ocds.router';
import { writeOcdsReleasePackage } from './ocds-package';
import {
  type ExportMetadata,
  LOCATION_COLUMNS,
  locationCsvRow,
  locationFeature,
  ORGANIZATION_COLUMNS,
  organizationCsvRow,
  SERVICE_COLUMNS,
  serviceCsvRow,
} from './export-formats';
import { parseContractFilterParameter, parseFilterParameter } from './export-filter';
import { parsedOr400, stated, streamOrCut, writeJsonArray } from './export-http';
import { ExportService, type PreparedExport } from './export.service';
import { shortlistCsv } from './shortlist-export';
import { surveyExportRouter } from './survey-export';

type ExportDeps = { orm: MikroORM; reference: ReferenceCache; config: AppConfig; logger: Logger };
type Started = { prepared: PreparedExport; meta: ExportMetadata; catalog: ExportService['reference'] };

/** Checks the filters (a bad one fails before any byte is sent) and states the file's licence, time, filter and demo flag in its headers. */
async function startExport(deps: ExportDeps, req: Request, res: Response, title: string): Promise<Started> {
  const filter = parseFilterParameter(req.query.filter);
  const contractFilter = parseContractFilterParameter(req.query.contracts);
  const service = new ExportService(deps.orm.em.fork(), await deps.reference.get());
  const prepared = service.prepare(filter, contractFilter);
  const meta: ExportMetadata = {
    title,
    source: `civimap ${deps.config.publicUrl}${req.originalUrl}`,
    licence: deps.config.dataLicence,
    generatedAt: new Date(),
    filter: stated(contractFilter ? { organizations: filter, contracts: contractFilter } : filter),
    includesDemo: await prepared.includesDemo(),
  };
  res.setHeader('X-Civimap-Licence', `${meta.licence.name} <${meta.licence.url}>`);
  res.setHeader('X-Civimap-Generated-At', meta.generatedAt.toISOString());
  res.setHeader('X-Civimap-Filter', encodeURIComponent(JSON.stringify(meta.filter)));
  res.setHeader('X-Civimap-Includes-Demo', String(meta.includesDemo));
  res.setHeader('Cache-Control', 'no-store');
  return { prepared, meta, catalog: service.reference };
}

/** A filtered export: 400 for a bad filter, then the body streamed (cut, never truncated silently, on a failure). */
const filteredExport = (deps: ExportDeps, title: string, run: (req: Request, res: Response, started: Started) => Promise<void>) =>
  async (req: Request, res: Response) => {
    const started = await parsedOr400(res, () => startExport(deps, req, res, title));
    if (started) await streamOrCut(req, res, deps.logger, () => run(req, res, started));
  };

/** A CSV export of one kind of record, described by the filter's data package. */
const csvExport = (deps: ExportDeps, name: string, columns: string[], pick: 'organizations' | 'services' | 'locations', toRow: (row: any) => unknown[]) =>
  filteredExport(deps, `civimap export: ${pick}`, async (req, res, { prepared, meta }) => {
    setCsvHeaders(res, {
      baseName: name,
      licence: meta.licence,
      generatedAt: meta.generatedAt,
      describedBy: exportUrl(deps.config.publicUrl, 'datapackage.json', { filter: meta.filter }),
    });
    const writer = createCsvWriter(res, columns, { bom: wantsBom(req.query) });
    for await (const batch of prepared[pick]()) for (const row of batch) await writer.write(toRow(row));
    await writer.end();
  });

/** The Frictionless Data Package describing the CSV exports of a filter (?filter=) and coverage filter (?coverage=). */
const dataPackageJson = (deps: ExportDeps) => async (req: Request, res: Response) => {
  const parsed = await parsedOr400(res, async () => {
    const organizationFilter = parseFilterParameter(req.query.filter);
    const coverageFilter = parseCoverageFilterParameter(req.query.coverage);
    const includesDemo = await new ExportService(deps.orm.em.fork(), await deps.reference.get()).prepare(organizationFilter).includesDemo();
    return { organizationFilter, coverageFilter, includesDemo };
  });
  if (!parsed) return;
  res.setHeader('Cache-Control', 'no-store');
  res.type('application/json; charset=utf-8');
  res.json(
    dataPackage({
      publicUrl: deps.config.publicUrl,
      licence: deps.config.dataLicence,
      generatedAt: new Date(),
      organizationFilter: stated(parsed.organizationFilter),
      coverageFilter: stated(parsed.coverageFilter),
      includesDemo: parsed.includesDemo,
    }),
  );
};

/** Sites as a GeoJSON FeatureCollection, the export's metadata in a member of its own. */
async function writeLocationsGeoJson(res: Response, { prepared, meta }: Started): Promise<void> {
  res.type('application/geo+json; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="civimap-locations-${meta.generatedAt.toISOString().slice(0, 10)}.geojson"`);
  res.setHeader('Link', `<${meta.licence.url}>; rel="license"`);
  const metadata = { ...meta, generatedAt: meta.generatedAt.toISOString() };
  await writeJsonArray(res, `{"type":"FeatureCollection","metadata":${JSON.stringify(metadata)},"features":[`, prepared.locations(), locationFeature);
}

/**
 * Streamed exports of exactly what a filter shows: CSV, GeoJSON and OCDS. Each states its licence,
 * time, filter and whether it holds demo records: CSV files in HTTP headers (Link to the licence and
 * to /export/datapackage.json, X-Civimap-*) and in the data package, JSON in a metadata member.
 * Absolute URLs come from PUBLIC_URL only, never from the request's Host header.
 */
export function exportRouter(deps: ExportDeps): Router {
  const router = express.Router();
  router.get('/organizations.csv', csvExport(deps, 'civimap-organizations', ORGANIZATION_COLUMNS, 'organizations', organizationCsvRow));
  router.get('/services.csv', csvExport(deps, 'civimap-services', SERVICE_COLUMNS, 'services', serviceCsvRow));
  router.get('/locations.csv', csvExport(deps, 'civimap-locations', LOCATION_COLUMNS, 'locations', locationCsvRow));
  router.get('/coverage.csv', coverageCsv(deps));
  router.get('/datapackage.json', dataPackageJson(deps));
  router.get('/locations.geojson', filteredExport(deps, 'civimap export: locations', (_req, res, started) => writeLocationsGeoJson(res, started)));
  router.get(
    '/contracts.ocds.json',
    filteredExport(deps, 'civimap export: contracts (OCDS 1.1.5 release package)', (_req, res, { prepared, meta, catalog }) =>
      writeOcdsReleasePackage(res, prepared.contracts(), meta, catalog, deps.config),
    ),
  );
  router.use('/ocds', ocdsDocumentsRouter(deps.config));
  router.get('/shortlists/:id.csv', shortlistCsv(deps));
  // The survey's public results and the administrators' microdata (survey-export.ts).
  router.use(surveyExportRouter(deps));
  return router;
}
