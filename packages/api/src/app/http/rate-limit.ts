import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { counterStoreOf } from '../../core/counter-store';
import type { AppConfig } from '../../core/config';
import { SESSION_COOKIE } from '../../accounts/auth';
import { tokenHash } from '../../accounts/credentials';
import { Session } from '../../accounts/session.entity';

export interface RequestRateLimiter {
  middleware: RequestHandler;
  close: () => Promise<void>;
  /** Where the counters live: 'redis' or 'postgres'. */
  store: 'redis' | 'postgres';
}

/** The session token a request presents (bearer first, then the session cookie), or null. */
export function presentedToken(headers: Record<string, string | string[] | undefined>): string | null {
  const authorization = typeof headers.authorization === 'string' ? headers.authorization : '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? '';
  const cookie = typeof headers.cookie === 'string' ? (headers.cookie.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`))?.[1] ?? '') : '';
  return bearer || cookie || null;
}

/** Live sessions seen lately, so a signed-in client costs one lookup a minute, not one per request. */
const SESSION_CACHE_MS = 60_000;
const SESSION_CACHE_MAX = 10_000;

/**
 * Which tokens name a live session of an active user. Only those get the signed-in allowance: a
 * made-up token is an anonymous request. Live answers are cached for a minute (bounded).
 */
class SessionChecker {
  private readonly live = new Map<string, number>();

  constructor(private readonly orm: MikroORM) {}

  cachedLive(token: string): boolean {
    const until = this.live.get(tokenHash(token));
    return until !== undefined && until > Date.now();
  }

  async lookup(token: string): Promise<boolean> {
    const hash = tokenHash(token);
    const found = await this.orm.em.fork().count(Session, { tokenHash: hash, expiresAt: { $gt: new Date() }, user: { active: true } });
    this.live.delete(hash);
    if (!found) return false;
    if (this.live.size >= SESSION_CACHE_MAX) this.live.delete(this.live.keys().next().value!);
    this.live.set(hash, Date.now() + SESSION_CACHE_MS);
    return true;
  }
}

/**
 * Requests per minute per client address (anonymous) or per session (signed in), counted in Redis when
 * REDIS_URL is set, else in PostgreSQL through a pool of their own (core/counter-store.ts), so the limits hold across API replicas. When the store fails,
 * requests go through: availability of a public registry matters more than the limit.
 */
export function createRateLimiter(config: AppConfig, orm: MikroORM, logger: Logger): RequestRateLimiter {
  const store = counterStoreOf(orm.em);
  const make = (keyPrefix: string, points: number): RateLimiterAbstract => store.limiter(keyPrefix, points, 60, { clearExpired: true });
  const anonymous = make('anon', config.rateLimits.anonymousPerMinute);
  const signedIn = make('user', config.rateLimits.signedInPerMinute);
  // Session lookups of one address a minute: enough for the people of an office, too few to matter as load.
  const tokenChecks = make('token-check', Math.max(60, config.rateLimits.anonymousPerMinute));
  const sessions = new SessionChecker(orm);

  const middleware: RequestHandler = async (req, res, next) => {
    if (config.rateLimits.anonymousPerMinute === 0) return next();
    const token = presentedToken(req.headers);
    let limiter = anonymous;
    let key = `ip:${req.ip ?? 'unknown'}`;
    try {
      // Only a live session gets the signed-in allowance. A token not cached as live is looked up, and
      // those lookups have their own per-address budget, so made-up tokens cannot make the database
      // work without limit; a made-up token then counts as an anonymous request of its address.
      const live = token !== null && (sessions.cachedLive(token) || ((await tokenChecks.consume(key, 1)) && (await sessions.lookup(token).catch(() => false))));
      if (live) [limiter, key] = [signedIn, `session:${tokenHash(token).slice(0, 32)}`];
      const result = await limiter.consume(key, 1);
      res.setHeader('RateLimit-Limit', String(limiter.points));
      res.setHeader('RateLimit-Remaining', String(result.remainingPoints));
      next();
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) {
        logger.warn({ err: outcome }, 'rate limiter store failed; letting the request through');
        return next();
      }
      const seconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      res.setHeader('Retry-After', String(seconds));
      res.setHeader('RateLimit-Limit', String(limiter.points));
      res.setHeader('RateLimit-Remaining', '0');
      res.status(429).json({
        errors: [{ message: `Too many requests: at most ${limiter.points} a minute. Retry in ${seconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds } }],
      });
    }
  };
  return {
    middleware,
    store: store.kind,
    // The counter store belongs to the runtime, which closes it.
    close: async () => undefined,
  };
}
