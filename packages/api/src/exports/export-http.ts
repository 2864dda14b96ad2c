import type { Writable } from 'node:stream';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { writeDrained } from '../core/stream';
import { ExportRequestError } from './export-filter';

/** A malformed parameter or an unknown code: the client's mistake, answered 400. */
export const isClientMistake = (error: unknown) =>
  error instanceof ExportRequestError || (error as { extensions?: { code?: string } } | null)?.extensions?.code === 'BAD_USER_INPUT';

/**
 * Reads and checks a request's parameters before any byte of the file is sent: a client's mistake is
 * answered 400 with what is wrong (and undefined returned); anything else is the server's and rethrown.
 */
export async function parsedOr400<T>(res: Response, parse: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await parse();
  } catch (error) {
    if (!isClientMistake(error)) throw error;
    res.status(400).json({ error: (error as Error).message });
    return undefined;
  }
}

/**
 * Streams the body of a file whose headers are already sent. A failure then has one honest signal
 * left, cutting the stream, so that no client takes a truncated file as whole.
 */
export async function streamOrCut(req: Request, res: Response, logger: Logger, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    logger.error({ err: error, url: req.originalUrl }, 'export failed while streaming');
    res.destroy(error as Error);
  }
}

/**
 * Writes `head` (a JSON object left open in an array member), then each item as JSON, one a line, then
 * closes the array and the object: a document of any length with bounded memory.
 */
export async function writeJsonArray<T>(stream: Writable & { end: (chunk: string) => unknown }, head: string, batches: AsyncIterable<T[]>, toJson: (item: T) => unknown): Promise<void> {
  await writeDrained(stream, head);
  let first = true;
  for await (const batch of batches) {
    // The client went away: stop reading the database for a document nobody receives.
    if (stream.destroyed) return;
    for (const item of batch) {
      await writeDrained(stream, (first ? '\n' : ',\n') + JSON.stringify(toJson(item)));
      first = false;
    }
  }
  stream.end('\n]}\n');
}

/** What a filter states: unset fields (null) left out. */
export const stated = (value: unknown) => JSON.parse(JSON.stringify(value ?? {}, (_key, v) => (v === null ? undefined : v)));
