import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { counterStoreOf } from '../../core/counter-store';
import type { AppConfig } from '../../core/config';
import { SESSION_COOKIE } from '../../accounts/auth';

export interface RequestRateLimiter {
  middleware: RequestHandler;
  close: () => Promise<void>;
  /** Where the counters live: 'redis' or 'postgres'. */
  store: 'redis' | 'postgres';
}

/** The caller's key: the session when one is presented (so signed-in users get their own budget), else the client address. */
export function rateLimitKey(headers: Record<string, string | string[] | undefined>, ip: string | undefined): { key: string; signedIn: boolean } {
  const authorization = typeof headers.authorization === 'string' ? headers.authorization : '';
  const bearer = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
  const cookie = typeof headers.cookie === 'string' ? (headers.cookie.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`))?.[1] ?? '') : '';
  const token = bearer || cookie;
  if (token) return { key: `session:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`, signedIn: true };
  return { key: `ip:${ip ?? 'unknown'}`, signedIn: false };
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

  const middleware: RequestHandler = async (req, res, next) => {
    if (config.rateLimits.anonymousPerMinute === 0) return next();
    const { key, signedIn: isSignedIn } = rateLimitKey(req.headers, req.ip);
    const limiter = isSignedIn ? signedIn : anonymous;
    try {
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
