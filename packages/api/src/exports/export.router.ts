import type { MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import express, { type Request, type Response, type Router } from 'express';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { ReferenceCache } from '../reference/reference-catalog';
import {
  contractRelease,
  csvPreamble,
  type ExportMetadata,
  LOCATION_COLUMNS,
  locationCsvRow,
  locationFeature,
  ORGANIZATION_COLUMNS,
  organizationCsvRow,
  SERVICE_COLUMNS,
  serviceCsvRow,
} from './export-formats';
import { ExportRequestError, parseFilterParameter } from './export-filter';
import { ExportService } from './export.service';

async function write(stream: Writable, chunk: string | unknown[]): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/**
 * Streamed exports of exactly what a filter shows: CSV, GeoJSON and OCDS. Each states its licence,
 * time, filter and whether it holds demo records (CSV comment lines and X-Civimap-* headers; a
 * metadata member in JSON).
 */
export function exportRouter(deps: { orm: MikroORM; reference: ReferenceCache; config: AppConfig; logger: Logger }): Router {
  const router = express.Router();

  async function start(req: Request, res: Response, title: string) {
    const filter = parseFilterParameter(req.query.filter);
    const service = new ExportService(deps.orm.em.fork(), await deps.reference.get());
    const prepared = service.prepare(filter);
    const meta: ExportMetadata = {
      title,
      source: `civimap ${req.protocol}://${req.get('host')}${req.originalUrl}`,
      licence: deps.config.dataLicence,
      generatedAt: new Date(),
      filter: JSON.parse(JSON.stringify(filter)),
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
        if (error instanceof ExportRequestError || (error as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT') {
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
    handle(`civimap export: ${pick}`, async (_req, res, { prepared, meta }) => {
      res.type('text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      res.write(csvPreamble(meta));
      const csvStream = stringify({ header: true, columns, cast: { boolean: (v) => String(v), date: (v) => v.toISOString() } });
      csvStream.pipe(res);
      for await (const batch of prepared[pick]()) for (const row of batch) await write(csvStream, toRow(row));
      csvStream.end();
      await once(csvStream, 'end');
    });

  router.get('/organizations.csv', csv('civimap-organizations.csv', ORGANIZATION_COLUMNS, 'organizations', organizationCsvRow));
  router.get('/services.csv', csv('civimap-services.csv', SERVICE_COLUMNS, 'services', serviceCsvRow));
  router.get('/locations.csv', csv('civimap-locations.csv', LOCATION_COLUMNS, 'locations', locationCsvRow));

  router.get(
    '/locations.geojson',
    handle('civimap export: locations', async (_req, res, { prepared, meta }) => {
      res.type('application/geo+json; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="civimap-locations.geojson"');
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
      res.setHeader('Content-Disposition', 'attachment; filename="civimap-contracts.ocds.json"');
      const head = {
        uri: meta.source.replace(/^civimap /, ''),
        version: '1.1',
        publishedDate: meta.generatedAt.toISOString(),
        publisher: { name: 'civimap' },
        license: meta.licence.url,
        publicationPolicy: `${req.protocol}://${req.get('host')}/`,
      };
      const opening = JSON.stringify(head).slice(0, -1);
      await write(res, `${opening},"civimap":${JSON.stringify({ filter: meta.filter, includesDemo: meta.includesDemo, licence: meta.licence.name })},"releases":[`);
      let first = true;
      for await (const batch of prepared.contracts()) {
        for (const row of batch) {
          await write(res, (first ? '\n' : ',\n') + JSON.stringify(contractRelease(row, catalog)));
          first = false;
        }
      }
      res.end('\n]}\n');
    }),
  );

  return router;
}
