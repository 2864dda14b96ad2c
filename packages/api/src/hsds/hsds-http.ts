import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../core/config';
import { writeDrained } from '../core/stream';
import type { ReferenceCache } from '../reference/reference-catalog';
import { HsdsParameterError, type HsdsQuery, MAX_PER_PAGE, parseHsdsQuery } from './hsds-params';
import { HsdsReader } from './hsds-reader';
import type { HsdsObject } from './hsds-records';

export interface HsdsDeps {
  orm: MikroORM;
  reference: ReferenceCache;
  config: AppConfig;
  logger: Logger;
  /** Store the documents an export had to build, once it has ended (default true). */
  storeDocumentsAfterExport?: boolean;
}

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

export function sendError(res: Response, status: number, code: string, message: string, parameter?: string) {
  res.status(status).json({ error: { code, message, ...(parameter ? { parameter } : {}) } });
}

export function ndjsonHeaders(res: Response) {
  res.status(200).type('application/x-ndjson; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
}

/** NDJSON, one object a line, a batch at a time; stops when the client has gone. */
export async function streamLines(res: Response, batches: AsyncIterable<HsdsObject[]>) {
  ndjsonHeaders(res);
  for await (const batch of batches) {
    if (res.destroyed) return;
    await writeDrained(res, batch.map((object) => `${JSON.stringify(object)}\n`).join(''));
  }
  res.end();
}

/** What every HSDS route shares: a reader on a fresh entity manager, the parameters' parsing and the errors' shape. */
export interface HsdsHttp {
  reader: () => Promise<HsdsReader>;
  /** A route: its parameters parsed (400 naming the parameter), its failures answered 500 or, mid-stream, a cut stream. */
  handle: (run: (req: Request, res: Response, query: HsdsQuery) => Promise<void>) => (req: Request, res: Response) => Promise<void>;
  /** Stores the documents an export had to build, for the next one (in the background, one refresh at a time). */
  refreshDocuments: () => void;
}

export function hsdsHttp(deps: HsdsDeps): HsdsHttp {
  const reader = async () => new HsdsReader(deps.orm.em.fork(), await deps.reference.get());

  // The export is right without the stored documents, only slower: a failure to store them is a warning.
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

  const handle: HsdsHttp['handle'] = (run) => async (req, res) => {
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

  return { reader, handle, refreshDocuments };
}
