import { ManyToOne, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';
import { HashedToken } from './hashed-token.entity';

/** A single-use token mailed to a user (password reset, email confirmation): used once, by a compare-and-set on usedAt. */
export abstract class UserToken extends HashedToken {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
