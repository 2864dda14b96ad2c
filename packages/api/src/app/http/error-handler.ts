import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../../core/database-errors';

/** An HTTP error answer: the GraphQL error shape, so every client parses one format. */
export function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

interface HttpError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  limit?: unknown;
}

/** What the client may be told about an error thrown on any route: a status and a typed code, never a stack or SQL. */
export function describeError(error: unknown): { status: number; code: string; message: string } {
  const e = (error ?? {}) as HttpError;
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (e.type === 'entity.too.large' || status === 413) {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than this route accepts${typeof e.limit === 'number' ? ` (${e.limit} bytes)` : ''}.` };
  }
  if (e.type === 'entity.parse.failed') return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body has an unsupported encoding or charset.' };
  if (e.type === 'request.aborted') return { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted before its body arrived.' };
  if (status >= 400 && status < 500) return { status, code: 'BAD_REQUEST', message: 'The request could not be understood.' };
  if (isDatabaseUnavailable(error)) return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'The registry database is unavailable for a moment; please retry shortly.' };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error: the request could not be completed. It has been logged.' };
}

/**
 * The one error handler of the HTTP app, after every route: body-parser refusals, database outages
 * and bugs alike become a JSON answer with a typed code. Details go to the log only.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const answer = describeError(error);
    const log = req.log ?? logger;
    if (answer.status >= 500) log[answer.status === 503 ? 'warn' : 'error']({ err: error, path: req.path }, `HTTP ${answer.status} on ${req.method} ${req.path}`);
    if (answer.status === 503) res.setHeader('Retry-After', '5');
    res.status(answer.status).json(errorBody(answer.code, answer.message));
  };
}

/** Unknown API paths get a JSON 404 rather than Express's HTML page. */
export const jsonNotFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('NOT_FOUND', `Nothing is served at ${req.method} ${req.path.slice(0, 200)}.`));
};
