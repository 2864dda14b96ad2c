import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity';
import { newToken, tokenHash } from './credentials';
import type { UserToken } from './user-token.entity';

/**
 * The one scheme for the tokens mailed to users (password reset, email confirmation): a random token
 * in the mail, only its hash stored, an expiry, used once by a compare-and-set.
 */

/** Stores a new token of `kind` for the user (in the caller's transaction); returns the secret to mail. */
export function issueUserToken<T extends UserToken>(tx: EntityManager, kind: EntityClass<T>, user: User, ttlMs: number): string {
  const { token, tokenHash: hash } = newToken();
  tx.persist(tx.create(kind, { user, tokenHash: hash, expiresAt: new Date(Date.now() + ttlMs) } as never));
  return token;
}

export type TokenState = 'live' | 'unknown' | 'used' | 'expired';

/** The stored token for a secret and what state it is in (its user populated). */
export async function findUserToken<T extends UserToken>(em: EntityManager, kind: EntityClass<T>, token: string | null | undefined): Promise<{ row: T | null; state: TokenState }> {
  const row = token ? ((await em.findOne(kind, { tokenHash: tokenHash(token) } as never, { populate: ['user'] as never })) as T | null) : null;
  if (!row) return { row: null, state: 'unknown' };
  if (row.usedAt) return { row, state: 'used' };
  if (row.expiresAt.getTime() <= Date.now()) return { row, state: 'expired' };
  return { row, state: 'live' };
}

/** Uses the token if it is still unused and unexpired; of concurrent callers exactly one gets true. */
export async function useUserToken<T extends UserToken>(tx: EntityManager, kind: EntityClass<T>, id: string): Promise<boolean> {
  return (await tx.nativeUpdate(kind, { id, usedAt: null, expiresAt: { $gt: new Date() } } as never, { usedAt: new Date() } as never)) === 1;
}
