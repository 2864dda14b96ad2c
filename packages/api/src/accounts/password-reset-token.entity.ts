import { Entity } from '@mikro-orm/core';
import { UserToken } from './user-token.entity';

/** A single-use password reset token, valid for an hour. */
@Entity({ tableName: 'password_reset_token' })
export class PasswordResetToken extends UserToken {}
