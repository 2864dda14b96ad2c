import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { VersionedEntity } from '../core/base.entity';
import { PublicAuthority } from '../authorities/public-authority.entity';
import { UserRole } from './user.enums';

@Entity({ tableName: 'app_user' })
@Index({ name: 'app_user_email_lower_unique', expression: 'create unique index "app_user_email_lower_unique" on "app_user" (lower("email"))' })
export class User extends VersionedEntity {
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  /** A memory-hard KDF hash (argon2id), never the password. */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Enum({ items: () => UserRole, default: UserRole.EDITOR })
  role: Opt<UserRole> = UserRole.EDITOR;

  /** For authority officers: the authority they act for. */
  @ManyToOne(() => PublicAuthority, { nullable: true, deleteRule: 'set null' })
  authority?: PublicAuthority | null;

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  /** When the owner of the address proved it (confirmation link, reset link, invitation); null: the account cannot sign in yet. */
  @Property({ type: 'timestamptz', nullable: true })
  emailConfirmedAt?: Date | null;
}
