import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../core/config';
import type { ReferenceCache } from '../reference/reference-catalog';
import { foldName } from '../geography/boundaries-import';
import { DEMO_NOTE } from './hsds-metadata';
import { hsdsOpenApi } from './hsds-openapi';
import { HsdsParameterError, type HsdsQuery, MAX_PER_PAGE, parseHsdsQuery } from './hsds-params';
import { HsdsReader, type HsdsShape } from './hsds-reader';
import type { HsdsObject } from './hsds-records';
import type { HsdsFilter, HsdsListKind } from './hsds-store';
import { redirectedOrganizationId } from '../organizations/organization-redirect';

export const HSDS_VERSION = '3.0';
export const HSDS_PROFILE_URL = 'https://docs.openreferral.org/en/v3.0/';
/** civimap's own OpenAPI document (hsds-openapi.ts), under the router. */
export const HSDS_OPENAPI_PATH = '/openapi.json';

/** The paging fields of the OpenAPI file's Page schema, plus the page size asked for and its cap. */
export function pageEnvelope(total: number, page: number, perPage: number, contents: unknown[]) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    per_page: perPage,
    max_per_page: MAX_PER_PAGE,
    contents,
  };
}

function sendError(res: Response, status: number, code: string, message: string, parameter?: string) {
  res.status(status).json({ error: { code, message, ...(parameter ? { parameter } : {}) } });
}

/** Writes with backpressure; a client that goes away ends the wait too (the stream loop then stops). */
async function write(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * The Open Referral HSDS 3.0 read API: lists with the OpenAPI file's paging fields (at most
 * MAX_PER_PAGE per page), objects by id, and format=ndjson streaming everything that matches.
 */
export function hsdsRouter(deps: {
  orm: MikroORM;
  reference: ReferenceCache;
  config: AppConfig;
  logger: Logger;
  /** Store the documents an export had to build, once it has ended (default true). */
  storeDocumentsAfterExport?: boolean;
}): Router {
  const router = express.Router();

  const reader = async () => new HsdsReader(deps.orm.em.fork(), await deps.reference.get());

  /**
   * After an export, the documents it had to build are stored for the next one (in the background,
   * one refresh at a time; on the primary). The export is right without them, only slower.
   */
  let refreshing: Promise<void> | null = null;
  const refreshDocuments = () => {
    refreshing ??= (async () => {
      try {
        const stored = await (await reader()).refreshDocuments();
        if (stored) deps.logger.info({ stored }, 'HSDS documents stored');
      } catch (error) {
        deps.logger.warn({ err: error }, 'HSDS documents not stored');
      } finally {
        refreshing = null;
      }
    })();
  };

  const handle = (run: (req: Request, res: Response, query: HsdsQuery) => Promise<void>) => async (req: Request, res: Response) => {
    let query: HsdsQuery;
    try {
      query = parseHsdsQuery(req.query as Record<string, unknown>);
    } catch (error) {
      if (error instanceof HsdsParameterError) return sendError(res, 400, 'BAD_REQUEST', error.message, error.parameter);
      throw error;
    }
    try {
      await run(req, res, query);
    } catch (error) {
      if (error instanceof HsdsParameterError && !res.headersSent) return sendError(res, 400, 'BAD_REQUEST', error.message, error.parameter);
      deps.logger.error({ err: error, url: req.originalUrl }, 'HSDS request failed');
      // Once a stream has begun, cutting it is the only honest signal left.
      if (res.headersSent) res.destroy(error as Error);
      else sendError(res, 500, 'INTERNAL', 'The request failed; try again later.');
    }
  };

  const ndjsonHeaders = (res: Response) => {
    res.status(200).type('application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
  };

  async function streamLines(res: Response, batches: AsyncIterable<HsdsObject[]>) {
    ndjsonHeaders(res);
    for await (const batch of batches) {
      if (res.destroyed) return;
      await write(res, batch.map((object) => `${JSON.stringify(object)}\n`).join(''));
    }
    res.end();
  }

  const list = (kind: HsdsListKind, shapeOf: (q: HsdsQuery) => HsdsShape, filterOf: (q: HsdsQuery) => HsdsFilter) =>
    handle(async (_req, res, query) => {
      const hsds = await reader();
      const filter = filterOf(query);
      if (kind === 'services' && query.minimal) {
        // The OpenAPI file: "just service id and modified_date ... all services within one call".
        const all = await hsds.minimal(filter);
        return void res.json(pageEnvelope(all.length, 1, Math.max(all.length, 1), all));
      }
      if (query.format === 'ndjson' && kind === 'organizations') {
        ndjsonHeaders(res);
        await hsds.copyOrganizations(filter, shapeOf(query), res);
        if (deps.storeDocumentsAfterExport ?? true) refreshDocuments();
        return;
      }
      if (query.format === 'ndjson') return streamLines(res, hsds.stream(kind, filter, shapeOf(query)));
      const { total, contents } = await hsds.page(kind, filter, query.page, query.perPage, shapeOf(query));
      res.json(pageEnvelope(total, query.page, query.perPage, contents));
    });

  const byId = (kind: HsdsListKind, label: string, shapeOf: (q: HsdsQuery) => HsdsShape) =>
    handle(async (req, res, query) => {
      const id = String(req.params.id);
      const object = /^[0-9a-f-]{36}$/i.test(id) ? await (await reader()).one(kind, id, shapeOf(query)) : null;
      if (!object && kind === 'organizations' && /^[0-9a-f-]{36}$/i.test(id)) {
        // A merged organization's URL moves for good to the record it was merged into (docs/hsds.md).
        const kept = await redirectedOrganizationId(deps.orm.em.fork(), id);
        const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
        if (kept) return res.redirect(301, `${req.baseUrl}/organizations/${kept}${query}`);
      }
      if (!object) return sendError(res, 404, 'NOT_FOUND', `There is no ${label} with id "${id}".`);
      res.json(object);
    });

  const serviceFilter = (q: HsdsQuery): HsdsFilter => ({
    search: q.search,
    taxonomyTermId: q.taxonomyTermId,
    taxonomyId: q.taxonomyId,
    organizationId: q.organizationId,
    modifiedAfter: q.modifiedAfter,
  });
  /** Parameters a list does not document are refused rather than ignored, so a client never reads an unfiltered list as filtered. */
  const only = (allowed: { minimal?: boolean; near?: boolean }) => (q: HsdsQuery) => {
    if (q.minimal && !allowed.minimal) throw new HsdsParameterError('minimal', 'minimal applies to /services only.');
    if (q.near && !allowed.near) throw new HsdsParameterError('proximity', 'proximity applies to /service_at_locations only.');
  };

  router.get(
    '/',
    handle(async (_req, res) => {
      const [{ demo }] = await deps.orm.em.fork().execute('select exists (select 1 from organization where is_demo) as demo');
      const hsds = await reader();
      res.json({
        version: HSDS_VERSION,
        profile: HSDS_PROFILE_URL,
        openapi_url: `${deps.config.publicUrl}/hsds${HSDS_OPENAPI_PATH}`,
        name: 'civimap',
        description: 'Civil-society organisations in Kosovo that provide social and family services, as Open Referral HSDS 3.0.',
        licence: deps.config.dataLicence,
        demo_data: Boolean(demo),
        ...(demo ? { demo_notice: `This registry holds fictional demo organizations; each says so at the end of its description: "${DEMO_NOTE}"` } : {}),
        max_per_page: MAX_PER_PAGE,
        taxonomies: hsds.vocabulary.taxonomies(),
        endpoints: ['/organizations', '/organizations/{id}', '/services', '/services/{id}', '/service_at_locations', '/service_at_locations/{id}', '/taxonomies', '/taxonomies/{id}', '/taxonomy_terms', '/taxonomy_terms/{id}'],
      });
    }),
  );

  router.get(HSDS_OPENAPI_PATH, (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.json(hsdsOpenApi(deps.config.publicUrl, deps.config.dataLicence));
  });

  router.get(
    '/organizations',
    list(
      'organizations',
      (q) => (q.fullService ? 'full_service' : q.full ? 'full' : 'basic'),
      (q) => (only({})(q), { search: q.search, modifiedAfter: q.modifiedAfter, organizationId: q.organizationId, taxonomyTermId: q.taxonomyTermId, taxonomyId: q.taxonomyId }),
    ),
  );
  router.get('/organizations/:id', byId('organizations', 'organization', (q) => (q.fullService ? 'full_service' : 'full')));
  router.get('/services', list('services', (q) => (q.full ? 'full' : 'basic'), (q) => (only({ minimal: true })(q), serviceFilter(q))));
  router.get('/services/:id', byId('services', 'service', () => 'full'));
  router.get('/service_at_locations', list('service_at_locations', (q) => (q.full ? 'full' : 'basic'), (q) => (only({ near: true })(q), { ...serviceFilter(q), near: q.near })));
  router.get('/service_at_locations/:id', byId('service_at_locations', 'service_at_location', () => 'full'));

  const inMemory = (items: (hsds: HsdsReader, q: HsdsQuery) => HsdsObject[]) =>
    handle(async (_req, res, query) => {
      const all = items(await reader(), query);
      if (query.format === 'ndjson') return streamLines(res, (async function* () { yield all; })());
      const start = (query.page - 1) * query.perPage;
      res.json(pageEnvelope(all.length, query.page, query.perPage, all.slice(start, start + query.perPage)));
    });
  // Case and diacritics folded, as the services' and organizations' search does: "perkujdesje" finds "përkujdesje".
  const matches = (object: HsdsObject, search: string | undefined) =>
    !search || foldName(search).split(' ').every((w) => foldName(`${object.name ?? ''} ${object.code ?? ''} ${object.description ?? ''}`).includes(w));

  router.get('/taxonomies', inMemory((hsds, q) => hsds.vocabulary.taxonomies().filter((t) => matches(t, q.search))));
  router.get(
    '/taxonomies/:id',
    handle(async (req, res) => {
      const taxonomy = (await reader()).vocabulary.taxonomies().find((t) => t.id === String(req.params.id).toLowerCase());
      if (!taxonomy) return sendError(res, 404, 'NOT_FOUND', `There is no taxonomy with id "${req.params.id}".`);
      res.json(taxonomy);
    }),
  );
  router.get(
    '/taxonomy_terms',
    inMemory((hsds, q) => {
      return hsds.vocabulary.allTerms().filter(
        (t) =>
          matches(t, q.search) &&
          (!q.taxonomyId || t.taxonomy_id === q.taxonomyId) &&
          (!q.parentId || t.parent_id === q.parentId) &&
          // top_only: the top-level terms (the OpenAPI file's "terms that have not child terms" reads as "that are not child terms").
          (!q.topOnly || !t.parent_id),
      );
    }),
  );
  router.get(
    '/taxonomy_terms/:id',
    handle(async (req, res) => {
      const term = (await reader()).vocabulary.allTerms().find((t) => t.id === String(req.params.id).toLowerCase());
      if (!term) return sendError(res, 404, 'NOT_FOUND', `There is no taxonomy term with id "${req.params.id}".`);
      res.json(term);
    }),
  );

  router.use((req: Request, res: Response) => sendError(res, 404, 'NOT_FOUND', `No HSDS endpoint at ${req.method} ${req.baseUrl}${req.path}.`));
  return router;
}
