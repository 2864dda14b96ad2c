import { defineEnum, type EnumValue } from '../core/enums';

export type UserRole = EnumValue<typeof UserRole>;
export const UserRole = defineEnum('UserRole', 'What a user may do in the registry.', {
  ADMIN: 'Everything, including user roles.',
  MODERATOR: 'Verifies organizations and licences, decides claims, runs imports, reads the audit log.',
  AUTHORITY_OFFICER: 'An officer of a public authority: contractable search, shortlists and the authority\'s contracts.',
  EDITOR: 'Edits the organizations they are a member of.',
});

export type MembershipRole = EnumValue<typeof MembershipRole>;
export const MembershipRole = defineEnum('MembershipRole', 'What a member may do in an organization.', {
  OWNER: 'May also invite and remove members.',
  EDITOR: 'May edit the organization\'s profile, services, sites and licences.',
});
