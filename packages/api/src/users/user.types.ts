import { Field, ID, ObjectType } from 'type-graphql';
import { UserRole } from './user.enums';
import type { User } from './user.entity';

/** A user as others may see them: the display name, not the email (email and memberships only for themselves and admins). */
@ObjectType('User', { description: 'A user account.' })
export class UserView {
  @Field(() => ID, { description: 'Globally unique id of the user.' }) id!: string;
  @Field(() => String, { description: 'Name shown to others.' }) displayName!: string;
  @Field(() => UserRole, { description: 'The user\'s role.' }) role!: UserRole;
  @Field(() => Date, { description: 'When the account was created (UTC).' }) createdAt!: Date;
  entity!: User;
  /** Set for the user who just registered or signed in, whose request carries no session yet. */
  self = false;
}

export function userView(user: User, self = false): UserView {
  return Object.assign(new UserView(), { id: user.id, displayName: user.displayName, role: user.role, createdAt: user.createdAt, entity: user, self });
}
