import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { counterStoreOf } from '../core/counter-store';

const WINDOW_SECONDS = 15 * 60;
/** Attempts per email before sign-in for it waits; per client address more, since an office may share one. */
export const SIGN_IN_FAILURES_PER_EMAIL = 10;
export const SIGN_IN_FAILURES_PER_ADDRESS = 50;

const hashed = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 40);

/**
 * Sign-in's guard against password guessing. Every attempt is counted (one atomic increment in the
 * counter store: Redis, or PostgreSQL through a pool of its own) BEFORE the password is checked, so
 * parallel guesses cannot all read the same count; a successful sign-in gives its points back.
 * Emails are hashed: the counters say nothing about who tried. When the store fails, sign-in goes
 * through: a lockout of everyone is worse.
 */
export class SignInGuard {
  private readonly email: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;

  constructor(em: EntityManager) {
    const store = counterStoreOf(em);
    this.email = store.limiter('signin-email', SIGN_IN_FAILURES_PER_EMAIL, WINDOW_SECONDS, { lane: 'accounts' });
    this.address = store.limiter('signin-address', SIGN_IN_FAILURES_PER_ADDRESS, WINDOW_SECONDS, { lane: 'accounts' });
  }

  /** Counts one attempt; true when the email or the address is over its limit (the attempt must then be refused unchecked). */
  async attempt(email: string, address: string): Promise<boolean> {
    const outcomes = await Promise.allSettled([this.email.consume(hashed(email), 1), this.address.consume(address, 1)]);
    return outcomes.some((o) => o.status === 'rejected' && o.reason instanceof RateLimiterRes);
  }

  /** A successful sign-in clears the email's count and returns the address's point. */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.allSettled([this.email.delete(hashed(email)), this.address.reward(address, 1)]);
  }

  /** A password reset clears the email's count. */
  async cleared(email: string): Promise<void> {
    await this.email.delete(hashed(email)).catch(() => undefined);
  }
}
