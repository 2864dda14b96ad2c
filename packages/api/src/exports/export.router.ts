import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { AppConfig } from '../core/config';
import type { ReferenceCache } from '../reference/reference-catalog';
import { createCsvWriter, setCsvHeaders, wantsBom } from '../core/csv';
import { CoverageService } from '../coverage/coverage.service';
import { COVERAGE_COLUMNS, coverageCsvRow, parseCoverageFilterParameter, parseLanguageParameter } from './coverage-export';
import { columnsOf, SHORTLIST_FIELDS } from './export-fields';
import { dataPackage, exportUrl } from './export-package';
import { contractRelease } from './ocds-release';
import { OCDS_PATHS } from './ocds-extension';
import { ocdsDocumentsRouter } from './ocds.router';
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
import { ExportRequestError, parseContractFilterParameter, parseFilterParameter } from './export-filter';
import { ExportService } from './export.service';
import { surveyExportRouter } from './survey-export';
import { credentialsFromRequest, resolveViewer } from '../accounts/auth';
import { denialOf } from '../access/policy';
import { loadOwnShortlist } from '../shortlists/shortlist.service';
import { UserErrorsException } from '../core/user-errors';
import { todayInKosovo } from '../geography/geo';
import { pgArray } from '../core/sql';

/** A malformed parameter or an unknown code: the client's mistake, answered 400. */
const badRequest = (error: unknown) => error instanceof ExportRequestError || (error as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT';

async function write(stream: Writable, chunk: string | unknown[]): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** What a filter states: unset fields (null) left out. */
const stated = (value: unknown) => JSON.parse(JSON.stringify(value ?? {}, (_key, v) => (v === null ? undefined : v)));

/**
 * Streamed exports of exactly what a filter shows: CSV, GeoJSON and OCDS. Each states its licence,
 * time, filter and whether it holds demo records: CSV files in HTTP headers (Link to the licence and
 * to /export/datapackage.json, X-Civimap-*) and in the data package, JSON in a metadata member.
 * Absolute URLs come from PUBLIC_URL only, never from the request's Host header.
 */
export function exportRouter(deps: { orm: MikroORM; reference: ReferenceCache; config: AppConfig; logger: Logger }): Router {
  const router = express.Router();

  async function start(req: Request, res: Response, title: string) {
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

  const handle = (title: string, run: (req: Request, res: Response, started: Awaited<ReturnType<typeof start>>) => Promise<void>) =>
    async (req: Request, res: Response) => {
      let started;
      try {
        started = await start(req, res, title);
      } catch (error) {
        if (badRequest(error)) {
          res.status(400).json({ error: (error as Error).message });
          return;
        }
        throw error;
      }
      try {
        await run(req, res, started);
      } catch (error) {
        // Headers are gone: the only honest signal left is to cut the stream, so no client takes a truncated file as whole.
        deps.logger.error({ err: error, url: req.originalUrl }, 'export failed while streaming');
        res.destroy(error as Error);
      }
    };

  const csv = (name: string, columns: string[], pick: 'organizations' | 'services' | 'locations', toRow: (row: any) => unknown[]) =>
    handle(`civimap export: ${pick}`, async (req, res, { prepared, meta }) => {
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

  router.get('/organizations.csv', csv('civimap-organizations', ORGANIZATION_COLUMNS, 'organizations', organizationCsvRow));
  router.get('/services.csv', csv('civimap-services', SERVICE_COLUMNS, 'services', serviceCsvRow));
  router.get('/locations.csv', csv('civimap-locations', LOCATION_COLUMNS, 'locations', locationCsvRow));

  // The coverage table of the coverage page, every figure; ?filter= is a CoverageFilter, ?lang= the names' language.
  router.get('/coverage.csv', async (req, res) => {
    const catalog = await deps.reference.get();
    let report, lang, filter;
    try {
      filter = parseCoverageFilterParameter(req.query.filter);
      lang = parseLanguageParameter(req.query.lang);
      report = await new CoverageService(deps.orm.em.fork(), catalog).report(filter);
    } catch (error) {
      if (badRequest(error)) return void res.status(400).json({ error: (error as Error).message });
      throw error;
    }
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
  });

  // The Frictionless Data Package describing the CSV exports of a filter (?filter=) and coverage filter (?coverage=).
  router.get('/datapackage.json', async (req, res) => {
    let organizationFilter, coverageFilter, includesDemo;
    try {
      organizationFilter = parseFilterParameter(req.query.filter);
      coverageFilter = parseCoverageFilterParameter(req.query.coverage);
      includesDemo = await new ExportService(deps.orm.em.fork(), await deps.reference.get()).prepare(organizationFilter).includesDemo();
    } catch (error) {
      if (badRequest(error)) return void res.status(400).json({ error: (error as Error).message });
      throw error;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type('application/json; charset=utf-8');
    res.json(
      dataPackage({
        publicUrl: deps.config.publicUrl,
        licence: deps.config.dataLicence,
        generatedAt: new Date(),
        organizationFilter: stated(organizationFilter),
        coverageFilter: stated(coverageFilter),
        includesDemo,
      }),
    );
  });

  router.get(
    '/locations.geojson',
    handle('civimap export: locations', async (_req, res, { prepared, meta }) => {
      res.type('application/geo+json; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="civimap-locations-${meta.generatedAt.toISOString().slice(0, 10)}.geojson"`);
      res.setHeader('Link', `<${meta.licence.url}>; rel="license"`);
      const metadata = { ...meta, generatedAt: meta.generatedAt.toISOString() };
      await write(res, `{"type":"FeatureCollection","metadata":${JSON.stringify(metadata)},"features":[`);
      let first = true;
      for await (const batch of prepared.locations()) {
        for (const row of batch) {
          await write(res, (first ? '\n' : ',\n') + JSON.stringify(locationFeature(row)));
          first = false;
        }
      }
      res.end('\n]}\n');
    }),
  );

  router.get(
    '/contracts.ocds.json',
    handle('civimap export: contracts (OCDS 1.1.5 release package)', async (req, res, { prepared, meta, catalog }) => {
      res.type('application/json; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="civimap-contracts-${meta.generatedAt.toISOString().slice(0, 10)}.ocds.json"`);
      res.setHeader('Link', `<${meta.licence.url}>; rel="license"`);
      const { publicUrl, ocds } = deps.config;
      const head = {
        uri: meta.source.replace(/^civimap /, ''),
        version: '1.1',
        extensions: [`${publicUrl}${OCDS_PATHS.extension}`],
        publishedDate: meta.generatedAt.toISOString(),
        // uid: the publisher's ocid prefix, unique to it in the prefix register.
        publisher: { name: 'civimap', uid: ocds.prefix, uri: publicUrl },
        license: meta.licence.url,
        publicationPolicy: `${publicUrl}${OCDS_PATHS.policy}`,
        civimap: {
          filter: meta.filter,
          includesDemo: meta.includesDemo,
          licence: meta.licence.name,
          ocidPrefix: {
            prefix: ocds.prefix,
            placeholder: ocds.placeholder,
            ...(ocds.placeholder ? { note: 'A development placeholder, not a registered ocid prefix: set OCDS_PREFIX to the prefix registered for this publisher.' } : {}),
          },
        },
      };
      const settings = { prefix: ocds.prefix, today: todayInKosovo() };
      await write(res, `${JSON.stringify(head).slice(0, -1)},"releases":[`);
      let first = true;
      for await (const batch of prepared.contracts()) {
        for (const row of batch) {
          await write(res, (first ? '\n' : ',\n') + JSON.stringify(contractRelease(row, catalog, settings)));
          first = false;
        }
      }
      res.end('\n]}\n');
    }),
  );

  router.use('/ocds', ocdsDocumentsRouter(deps.config));

  // A shortlist is private: the owner's session (cookie or bearer) is needed, and another's list is "not found".
  router.get('/shortlists/:id.csv', async (req, res) => {
    const em = deps.orm.em.fork();
    const viewer = await resolveViewer(em, credentialsFromRequest(req, res, { secureCookies: deps.config.nodeEnv === 'production' }));
    const denial = denialOf(viewer.actor, 'shortlist.write');
    if (denial || !viewer.actor) return void res.status(denial?.code === 'FORBIDDEN' ? 403 : 401).json({ error: denial?.message });
    let list;
    try {
      list = await loadOwnShortlist(em, viewer.actor, String(req.params.id));
    } catch (error) {
      if (error instanceof UserErrorsException) return void res.status(404).json({ error: error.message });
      throw error;
    }
    const entries = [...list.entries.getItems()].sort((a, b) => a.position - b.position);
    const today = todayInKosovo();
    const rows: Record<string, any>[] = entries.length
      ? await em.execute(
          `select o.id, o.name_sq, o.name_en, o.verification_status, o.status, o.email, o.phone, o.website,` +
            ` array(select distinct m.code from location l join municipality m on m.id = l.municipality_id where l.organization_id = o.id order by 1) as municipalities,` +
            ` array(select distinct c.code from service s join service_category_link sc on sc.service_id = s.id join service_category c on c.id = sc.category_id where s.organization_id = o.id and s.status = 'ACTIVE' order by 1) as categories,` +
            ` (select coalesce(sum(s.capacity_per_year), 0) from service s where s.organization_id = o.id and s.status = 'ACTIVE')::int as capacity_per_year,` +
            ` array(select li.number || ' (' || li.valid_from || ' – ' || coalesce(li.valid_until::text, 'open') || ')' from licence li where li.organization_id = o.id and li.valid_from <= ?::date and (li.valid_until is null or li.valid_until >= ?::date) order by 1) as licences_valid_today,` +
            ` o.is_demo from organization o where o.id = any(?::uuid[])`,
          [today, today, pgArray(entries.map((e) => e.organization.id))],
        )
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    setCsvHeaders(res, { baseName: `civimap-shortlist-${list.id}`, licence: deps.config.dataLicence, generatedAt: new Date() });
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Civimap-Includes-Demo', String(rows.some((r) => r.is_demo)));
    const writer = createCsvWriter(res, columnsOf(SHORTLIST_FIELDS), { bom: wantsBom(req.query) });
    for (const [i, entry] of entries.entries()) {
      const o = byId.get(entry.organization.id) ?? {};
      await writer.write([i + 1, entry.organization.id, o.name_sq, o.name_en, entry.note, o.verification_status, o.status, o.municipalities ?? [], o.categories ?? [], o.capacity_per_year, o.licences_valid_today ?? [], o.email, o.phone, o.website, o.is_demo]);
    }
    await writer.end();
  });

  // The survey's public results and the administrators' microdata (survey-export.ts).
  router.use(surveyExportRouter(deps));

  return router;
}
