import { Entity, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { User } from '../users/user.entity';
import { HashedToken } from './hashed-token.entity';

/** A signed-in session, kept in PostgreSQL so that any API replica can serve any request. */
@Entity({ tableName: 'user_session' })
// Expired sessions are swept by expiry.
@Index({ properties: ['expiresAt'] })
export class Session extends HashedToken {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastSeenAt: Opt<Date> = new Date();

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;
}
