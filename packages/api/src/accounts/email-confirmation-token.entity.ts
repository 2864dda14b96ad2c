import { Entity } from '@mikro-orm/core';
import { UserToken } from './user-token.entity';

/** A single-use link that proves a new account's email address (EMAIL_CONFIRMATION_HOURS, default 24 h). */
@Entity({ tableName: 'email_confirmation_token' })
export class EmailConfirmationToken extends UserToken {}
