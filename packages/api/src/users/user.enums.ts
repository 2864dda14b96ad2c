import { registerEnumType } from 'type-graphql';

export enum UserRole {
  ADMIN = 'ADMIN',
  MODERATOR = 'MODERATOR',
  AUTHORITY_OFFICER = 'AUTHORITY_OFFICER',
  EDITOR = 'EDITOR',
}
registerEnumType(UserRole, { name: 'UserRole' });

export enum MembershipRole {
  OWNER = 'OWNER',
  EDITOR = 'EDITOR',
}
registerEnumType(MembershipRole, { name: 'MembershipRole' });
