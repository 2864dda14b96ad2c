import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';
import { HashedToken } from './hashed-token.entity';

/** A single-use password reset token, valid for an hour. */
@Entity({ tableName: 'password_reset_token' })
export class PasswordResetToken extends HashedToken {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
