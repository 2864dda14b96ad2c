import { registerEnumType } from 'type-graphql';

export enum UserRole {
  ADMIN = 'ADMIN',
  MODERATOR = 'MODERATOR',
  AUTHORITY_OFFICER = 'AUTHORITY_OFFICER',
  EDITOR = 'EDITOR',
}
registerEnumType(UserRole, { name: 'UserRole' , description: 'What a user may do in the registry.', valuesConfig: {
    ADMIN: { description: 'Everything, including user roles.' },
    AUTHORITY_OFFICER: { description: 'An officer of a public authority: contractable search, shortlists and the authority\'s contracts.' },
    EDITOR: { description: 'Edits the organizations they are a member of.' },
    MODERATOR: { description: 'Verifies organizations and licences, decides claims, runs imports, reads the audit log.' },
  } });

export enum MembershipRole {
  OWNER = 'OWNER',
  EDITOR = 'EDITOR',
}
registerEnumType(MembershipRole, { name: 'MembershipRole' , description: 'What a member may do in an organization.', valuesConfig: {
    EDITOR: { description: 'May edit the organization\'s profile, services, sites and licences.' },
    OWNER: { description: 'May also invite and remove members.' },
  } });
