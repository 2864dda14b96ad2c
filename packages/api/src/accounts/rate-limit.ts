import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RateLimiterAbstract, RateLimiterPostgres } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;
/** Failures per email before sign-in for it waits; per client address more, since an office may share one. */
export const SIGN_IN_FAILURES_PER_EMAIL = 10;
export const SIGN_IN_FAILURES_PER_ADDRESS = 50;

interface Limiters {
  email: RateLimiterAbstract;
  address: RateLimiterAbstract;
}

const byKnex = new WeakMap<object, Limiters>();

/**
 * Failed sign-ins counted in PostgreSQL (the rate_limit table the request limiter uses too), so the
 * limit holds across API replicas. Emails are hashed: the table says nothing about who tried.
 */
function limiters(em: EntityManager): Limiters {
  const knex = em.getConnection().getKnex();
  let found = byKnex.get(knex);
  if (!found) {
    const make = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({ storeClient: knex, storeType: 'knex', tableName: 'rate_limit', tableCreated: true, keyPrefix, points, duration: WINDOW_SECONDS, clearExpiredByTimeout: false });
    found = { email: make('signin-email', SIGN_IN_FAILURES_PER_EMAIL), address: make('signin-address', SIGN_IN_FAILURES_PER_ADDRESS) };
    byKnex.set(knex, found);
  }
  return found;
}

const hashed = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 40);

/** Sign-in's guard against password guessing. When the store fails it lets sign-in through: a lockout of everyone is worse. */
export class SignInGuard {
  private readonly limiters: Limiters;

  constructor(em: EntityManager) {
    this.limiters = limiters(em);
  }

  async blocked(email: string, address: string): Promise<boolean> {
    try {
      const [byEmail, byAddress] = await Promise.all([this.limiters.email.get(hashed(email)), this.limiters.address.get(address)]);
      return (byEmail?.consumedPoints ?? 0) >= SIGN_IN_FAILURES_PER_EMAIL || (byAddress?.consumedPoints ?? 0) >= SIGN_IN_FAILURES_PER_ADDRESS;
    } catch {
      return false;
    }
  }

  async failed(email: string, address: string): Promise<void> {
    await Promise.all([this.limiters.email.penalty(hashed(email), 1), this.limiters.address.penalty(address, 1)]).catch(() => undefined);
  }

  /** A successful sign-in or password reset clears the email's count. */
  async cleared(email: string): Promise<void> {
    await this.limiters.email.delete(hashed(email)).catch(() => undefined);
  }
}
