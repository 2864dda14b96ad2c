import express, { type Request, type Response, type Router } from 'express';
import { DEMO_NOTE } from './hsds-metadata';
import { type HsdsDeps, type HsdsHttp, hsdsHttp, ndjsonHeaders, pageEnvelope, sendError, streamLines } from './hsds-http';
import { hsdsOpenApi } from './hsds-openapi';
import { HsdsParameterError, type HsdsQuery, MAX_PER_PAGE } from './hsds-params';
import type { HsdsShape } from './hsds-reader';
import type { HsdsFilter, HsdsListKind } from './hsds-store';
import { taxonomyRoutes } from './hsds-taxonomy-routes';
import { redirectedOrganizationId } from '../organizations/organization-redirect';

export const HSDS_VERSION = '3.0';
export const HSDS_PROFILE_URL = 'https://docs.openreferral.org/en/v3.0/';
/** civimap's own OpenAPI document (hsds-openapi.ts), under the router. */
export const HSDS_OPENAPI_PATH = '/openapi.json';
export { pageEnvelope };

const UUID = /^[0-9a-f-]{36}$/i;

/** A list: a page with the OpenAPI file's paging fields, all of it as NDJSON, or (services) the minimal list. */
const listRoute = (deps: HsdsDeps, h: HsdsHttp, kind: HsdsListKind, shapeOf: (q: HsdsQuery) => HsdsShape, filterOf: (q: HsdsQuery) => HsdsFilter) =>
  h.handle(async (_req, res, query) => {
    const hsds = await h.reader();
    const filter = filterOf(query);
    if (kind === 'services' && query.minimal) {
      // The OpenAPI file: "just service id and modified_date ... all services within one call".
      const all = await hsds.minimal(filter);
      return void res.json(pageEnvelope(all.length, 1, Math.max(all.length, 1), all));
    }
    if (query.format === 'ndjson' && kind === 'organizations') {
      ndjsonHeaders(res);
      await hsds.copyOrganizations(filter, shapeOf(query), res);
      if (deps.storeDocumentsAfterExport ?? true) h.refreshDocuments();
      return;
    }
    if (query.format === 'ndjson') return streamLines(res, hsds.stream(kind, filter, shapeOf(query)));
    const { total, contents } = await hsds.page(kind, filter, query.page, query.perPage, shapeOf(query));
    res.json(pageEnvelope(total, query.page, query.perPage, contents));
  });

/** One object by id; a merged organization's URL moves for good (301) to the record it was merged into (docs/hsds.md). */
const byIdRoute = (deps: HsdsDeps, h: HsdsHttp, kind: HsdsListKind, label: string, shapeOf: (q: HsdsQuery) => HsdsShape) =>
  h.handle(async (req, res, query) => {
    const id = String(req.params.id);
    const object = UUID.test(id) ? await (await h.reader()).one(kind, id, shapeOf(query)) : null;
    if (!object && kind === 'organizations' && UUID.test(id)) {
      const kept = await redirectedOrganizationId(deps.orm.em.fork(), id);
      const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      if (kept) return res.redirect(301, `${req.baseUrl}/organizations/${kept}${search}`);
    }
    if (!object) return sendError(res, 404, 'NOT_FOUND', `There is no ${label} with id "${id}".`);
    res.json(object);
  });

/** The API's root: version, profile, licence, whether demo records are in it, and its endpoints. */
const rootDocument = (deps: HsdsDeps, h: HsdsHttp) =>
  h.handle(async (_req, res) => {
    const [{ demo }] = await deps.orm.em.fork().execute('select exists (select 1 from organization where is_demo) as demo');
    const hsds = await h.reader();
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

/**
 * The Open Referral HSDS 3.0 read API: lists with the OpenAPI file's paging fields (at most
 * MAX_PER_PAGE per page), objects by id, and format=ndjson streaming everything that matches.
 */
export function hsdsRouter(deps: HsdsDeps): Router {
  const router = express.Router();
  const h = hsdsHttp(deps);
  const list = (kind: HsdsListKind, shapeOf: (q: HsdsQuery) => HsdsShape, filterOf: (q: HsdsQuery) => HsdsFilter) => listRoute(deps, h, kind, shapeOf, filterOf);
  const byId = (kind: HsdsListKind, label: string, shapeOf: (q: HsdsQuery) => HsdsShape) => byIdRoute(deps, h, kind, label, shapeOf);

  router.get('/', rootDocument(deps, h));
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
  taxonomyRoutes(router, h);
  router.use((req: Request, res: Response) => sendError(res, 404, 'NOT_FOUND', `No HSDS endpoint at ${req.method} ${req.baseUrl}${req.path}.`));
  return router;
}
