import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { parseCookies, SESSION_COOKIE } from '../../accounts/auth';
import type { ChangeFeed } from './change-feed';

export interface ResponseCacheOptions {
  /** Bytes of response bodies (and their keys) kept at most; least recently used dropped first. */
  maxBytes: number;
  /** How long an answer is kept at most even without a write: answers that depend on today's date (licence validity). */
  ttlMs: number;
}

interface Entry {
  body: Buffer;
  contentType: string;
  cacheControl: string | null;
  etag: string;
  expiresAt: number;
  bytes: number;
}

/** A cacheable miss in progress: Apollo's plugin says whether its answer may be kept. */
interface Ticket {
  cacheable: boolean;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  /** Requests answered by an identical miss that was already running (request coalescing). */
  shared: number;
  /** Anonymous requests that went uncached because the change feed was not listening. */
  bypassed: number;
  entries: number;
  bytes: number;
}

const TICKET = Symbol('responseCacheTicket');
/** A request body this long is not worth a key (the GraphQL limits allow 1 MB bodies). */
const MAX_KEY_CHARS = 16_384;
/** Content types a browser sends without a CORS preflight: Apollo's CSRF prevention refuses them without a header below. */
const SIMPLE_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/** Anonymous: neither an Authorization header (any scheme) nor the session cookie, whatever their value. */
function anonymous(req: Request): boolean {
  if (req.get('authorization') !== undefined) return false;
  const cookie = req.get('cookie');
  return cookie === undefined || !parseCookies(cookie).has(SESSION_COOKIE);
}

/** Would pass Apollo's CSRF prevention: a hit must not answer a request Apollo would refuse. */
function preflighted(req: Request): boolean {
  const type = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (/^[\w.+-]+\/[\w.+-]+$/.test(type) && !SIMPLE_TYPES.has(type)) return true;
  return PREFLIGHT_HEADERS.some((name) => req.get(name) !== undefined);
}

/**
 * The same operation text, variables (lang and includeDemo among them), operation name, extensions
 * (a persisted query's hash), method and Accept header give the same bytes to every anonymous client.
 */
function cacheKey(req: Request): string | null {
  if (!anonymous(req) || !preflighted(req)) return null;
  const accept = req.get('accept') ?? '';
  let key: string | null = null;
  if (req.method === 'GET') key = `GET\u0000${accept}\u0000${req.url}`;
  else if (req.method === 'POST' && req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
    const { operationName, query, variables, extensions } = req.body as Record<string, unknown>;
    key = `POST\u0000${accept}\u0000${JSON.stringify([operationName ?? null, query ?? null, variables ?? null, extensions ?? null])}`;
  }
  return key && key.length <= MAX_KEY_CHARS ? key : null;
}

/**
 * A response cache for anonymous public reads, in front of Apollo: the bytes of an answered query
 * (status 200, no errors, no cookie set) are kept and served again until the registry changes. Every
 * committed write to a watched table notifies the change feed of every API process, which drops
 * everything (writes are rare next to reads; no dependency tracking to get wrong); before each
 * lookup the feed's barrier makes sure the writes committed so far have been heard. Concurrent
 * identical misses run once and share the answer. Signed-in requests, mutations and answers with
 * errors never touch it. A GET hit carries a strong ETag (Express answers 304 to If-None-Match).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry | null>>();
  private bytes = 0;
  private readonly counts = { hits: 0, misses: 0, shared: 0, bypassed: 0 };

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: ResponseCacheOptions,
  ) {
    feed.onChange(() => this.clear());
  }

  stats(): ResponseCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /** Ties a GraphQL request's context to its response, so that the plugin can mark the answer cacheable. */
  bind(context: object, res: Response): void {
    // A property, not a WeakMap entry: Apollo runs each operation on a shallow copy of the context.
    const ticket = res.locals[TICKET as unknown as string] as Ticket | undefined;
    if (ticket) (context as Record<symbol, Ticket>)[TICKET] = ticket;
  }

  plugin(): ApolloServerPlugin<object> {
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, operation, response }) {
            const ticket = (contextValue as Record<symbol, Ticket | undefined>)[TICKET];
            if (!ticket) return;
            ticket.cacheable =
              operation?.operation === 'query' &&
              (response.http.status ?? 200) === 200 &&
              response.body.kind === 'single' &&
              !response.body.singleResult.errors?.length;
          },
        };
      },
    };
  }

  middleware(): RequestHandler {
    return async (req, res, next) => {
      const key = cacheKey(req);
      if (key === null) return next();
      let generation: number;
      try {
        generation = await this.feed.sync();
      } catch {
        this.counts.bypassed += 1;
        return next();
      }
      const entry = this.lookup(key);
      if (entry) {
        this.counts.hits += 1;
        return this.serve(res, entry, 'HIT');
      }
      const flightKey = `${generation}\u0000${key}`;
      const running = this.inflight.get(flightKey);
      if (running) {
        const shared = await running;
        if (shared) {
          this.counts.shared += 1;
          return this.serve(res, shared, 'SHARED');
        }
        return next();
      }
      this.counts.misses += 1;
      this.lead(key, generation, flightKey, res);
      next();
    };
  }

  private lookup(key: string): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= Date.now()) {
      this.bytes -= entry.bytes;
      return null;
    }
    // Map order is recency order: the hit goes to the back, the front is evicted first.
    this.entries.set(key, entry);
    return entry;
  }

  /** The first of concurrent identical misses: its answer is kept (if still current) and handed to the others. */
  private lead(key: string, generation: number, flightKey: string, res: Response): void {
    let settle!: (entry: Entry | null) => void;
    const answer = new Promise<Entry | null>((resolve) => (settle = resolve));
    this.inflight.set(flightKey, answer);
    const done = (entry: Entry | null) => {
      if (this.inflight.get(flightKey) === answer) this.inflight.delete(flightKey);
      settle(entry);
    };
    const ticket: Ticket = { cacheable: false };
    res.locals[TICKET as unknown as string] = ticket;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const keep = ticket.cacheable && res.statusCode === 200 && typeof body === 'string' && res.getHeader('set-cookie') === undefined;
      // A write heard while the query ran may be missing from its answer: neither kept nor shared.
      const entry = keep && this.feed.generation === generation ? this.store(key, body, res) : null;
      if (entry) res.setHeader('ETag', entry.etag);
      res.setHeader('X-Cache', 'MISS');
      done(entry);
      return send(body);
    };
    res.once('close', () => done(null));
  }

  private store(key: string, body: string, res: Response): Entry {
    const buffer = Buffer.from(body);
    const entry: Entry = {
      body: buffer,
      contentType: String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      cacheControl: res.getHeader('cache-control') === undefined ? null : String(res.getHeader('cache-control')),
      etag: `"${createHash('sha1').update(buffer).digest('base64url')}"`,
      expiresAt: Date.now() + this.options.ttlMs,
      bytes: buffer.length + key.length * 2 + 200,
    };
    // One answer may take at most a quarter of the budget (the map's 20,000 points are ~2 MB).
    if (entry.bytes > this.options.maxBytes / 4) return entry;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, evicted] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= evicted.bytes;
    }
    return entry;
  }

  private serve(res: Response, entry: Entry, how: 'HIT' | 'SHARED'): void {
    res.status(200);
    res.setHeader('content-type', entry.contentType);
    if (entry.cacheControl !== null) res.setHeader('cache-control', entry.cacheControl);
    res.setHeader('ETag', entry.etag);
    res.setHeader('X-Cache', how);
    res.send(entry.body);
  }
}
