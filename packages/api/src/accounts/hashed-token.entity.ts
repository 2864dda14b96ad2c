import { randomUUID } from 'node:crypto';
import { type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What every secret handed out to a user (session, password reset, email confirmation, invitation) is stored as: only a
 * SHA-256 of the token, so that a leaked table lets nobody in, with the instant it stops working.
 */
export abstract class HashedToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
