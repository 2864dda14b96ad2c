import type { Router } from 'express';
import { foldName } from '../geography/boundaries-import';
import { type HsdsHttp, pageEnvelope, sendError, streamLines } from './hsds-http';
import type { HsdsQuery } from './hsds-params';
import type { HsdsReader } from './hsds-reader';
import type { HsdsObject } from './hsds-records';

/** A list held in memory (the vocabulary): paged or streamed like the others. */
const inMemory = (h: HsdsHttp, items: (hsds: HsdsReader, q: HsdsQuery) => HsdsObject[]) =>
  h.handle(async (_req, res, query) => {
    const all = items(await h.reader(), query);
    if (query.format === 'ndjson') return streamLines(res, (async function* () { yield all; })());
    const start = (query.page - 1) * query.perPage;
    res.json(pageEnvelope(all.length, query.page, query.perPage, all.slice(start, start + query.perPage)));
  });

// Case and diacritics folded, as the services' and organizations' search does: "perkujdesje" finds "përkujdesje".
const matches = (object: HsdsObject, search: string | undefined) =>
  !search || foldName(search).split(' ').every((w) => foldName(`${object.name ?? ''} ${object.code ?? ''} ${object.description ?? ''}`).includes(w));

/** The HSDS taxonomies and taxonomy terms: civimap's vocabularies (hsds-vocabulary.ts). */
export function taxonomyRoutes(router: Router, h: HsdsHttp): void {
  router.get('/taxonomies', inMemory(h, (hsds, q) => hsds.vocabulary.taxonomies().filter((t) => matches(t, q.search))));
  router.get(
    '/taxonomies/:id',
    h.handle(async (req, res) => {
      const taxonomy = (await h.reader()).vocabulary.taxonomies().find((t) => t.id === String(req.params.id).toLowerCase());
      if (!taxonomy) return sendError(res, 404, 'NOT_FOUND', `There is no taxonomy with id "${req.params.id}".`);
      res.json(taxonomy);
    }),
  );
  router.get(
    '/taxonomy_terms',
    inMemory(h, (hsds, q) => {
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
    h.handle(async (req, res) => {
      const term = (await h.reader()).vocabulary.allTerms().find((t) => t.id === String(req.params.id).toLowerCase());
      if (!term) return sendError(res, 404, 'NOT_FOUND', `There is no taxonomy term with id "${req.params.id}".`);
      res.json(term);
    }),
  );
}
