import { ConnectionException } from '@mikro-orm/core';

/** SQLSTATE classes and codes that mean "the server is not there right now", not "the query is wrong". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_MESSAGES = /Connection terminated|Connection ended unexpectedly|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Timeout acquiring a connection|connect ECONNREFUSED/i;

/** Whether an error (or anything in its cause chain) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (current instanceof ConnectionException) return true;
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; previous?: unknown };
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    current = e.cause ?? e.previous;
  }
  return false;
}
