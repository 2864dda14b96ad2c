import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, UserErrorCode } from '../core/user-errors';
import { MembershipRole, UserRole } from '../users/user.enums';
import { Membership } from './membership.entity';
import type { User } from '../users/user.entity';
import { DeniedError } from '../core/errors';

/** The signed-in user with the roles the rules need: their platform role and their role in each organization. */
export interface Actor {
  user: User;
  role: UserRole;
  memberships: Map<string, MembershipRole>;
}

export async function loadActor(em: EntityManager, user: User): Promise<Actor> {
  const memberships = await em.find(Membership, { user: user.id }, { fields: ['organization', 'role'] });
  return { user, role: user.role, memberships: new Map(memberships.map((m) => [m.organization.id, m.role])) };
}

/**
 * Every authorization rule of the API, in one place. An action that concerns an organization is
 * checked against that organization's id. The matrix test (test/accounts/authorization-matrix.test.ts)
 * tries every mutation against every role.
 *
 * - ADMIN: everything, including managing users' roles.
 * - MODERATOR: verify organizations, decide claims, revert revisions, merge duplicates (and undo merges), edit any organization, read the queue, import files.
 * - AUTHORITY_OFFICER: contracts and shortlists (issue 5); edits only organizations they are a member of.
 * - EDITOR (any signed-in user): register or claim organizations; members edit their organizations,
 *   owners also invite colleagues and revert revisions of their organization.
 * - Surveys (issue 15): moderators and administrators open, remind and close waves; only an
 *   organization's own members answer its survey; only administrators read per-organization answers.
 */
export type Action =
  | 'organization.create'
  | 'organization.claim'
  | 'organization.edit'
  | 'organization.confirmCurrent'
  | 'organization.verify'
  | 'organization.revert'
  | 'organization.merge'
  | 'organization.invite'
  | 'organization.manageMembers'
  | 'organization.readMembers'
  | 'claim.decide'
  | 'invitation.accept'
  | 'verificationQueue.read'
  | 'auditLog.read'
  | 'user.setRole'
  | 'contract.write'
  | 'shortlist.write'
  | 'import.run'
  | 'survey.manage'
  | 'survey.answer'
  | 'survey.readMicrodata';

const isStaff = (actor: Actor) => actor.role === UserRole.ADMIN || actor.role === UserRole.MODERATOR;
const isMember = (actor: Actor, organizationId?: string) => Boolean(organizationId && actor.memberships.has(organizationId));
const isOwner = (actor: Actor, organizationId?: string) => Boolean(organizationId && actor.memberships.get(organizationId) === MembershipRole.OWNER);

const RULES: Record<Action, (actor: Actor, organizationId?: string) => boolean> = {
  'organization.create': () => true,
  'organization.claim': () => true,
  'organization.edit': (a, o) => isStaff(a) || isMember(a, o),
  'organization.confirmCurrent': (a, o) => isStaff(a) || isMember(a, o),
  'organization.verify': isStaff,
  'organization.revert': (a, o) => isStaff(a) || isOwner(a, o),
  'organization.merge': isStaff,
  'organization.invite': (a, o) => a.role === UserRole.ADMIN || isOwner(a, o),
  'organization.manageMembers': (a, o) => a.role === UserRole.ADMIN || isOwner(a, o),
  'organization.readMembers': (a, o) => isStaff(a) || isMember(a, o),
  'claim.decide': isStaff,
  'invitation.accept': () => true,
  'verificationQueue.read': isStaff,
  'auditLog.read': isStaff,
  'user.setRole': (a) => a.role === UserRole.ADMIN,
  'contract.write': (a) => a.role === UserRole.ADMIN || a.role === UserRole.AUTHORITY_OFFICER,
  'shortlist.write': (a) => a.role === UserRole.ADMIN || a.role === UserRole.AUTHORITY_OFFICER,
  'import.run': isStaff,
  // The survey is the organization's own account of itself: staff run waves, only members answer.
  'survey.manage': isStaff,
  'survey.answer': (a, o) => isMember(a, o),
  'survey.readMicrodata': (a) => a.role === UserRole.ADMIN,
};

const DENIED: Record<Action, string> = {
  'organization.create': 'You may not register organizations.',
  'organization.claim': 'You may not claim organizations.',
  'organization.edit': 'Only members of this organization, moderators and administrators may edit it.',
  'organization.confirmCurrent': 'Only members of this organization, moderators and administrators may confirm it is current.',
  'organization.verify': 'Only moderators and administrators verify organizations.',
  'organization.revert': 'Only owners of this organization, moderators and administrators may revert its revisions.',
  'organization.merge': 'Only moderators and administrators merge organizations or undo merges.',
  'organization.invite': 'Only owners of this organization and administrators may invite members.',
  'organization.manageMembers': 'Only owners of this organization and administrators may remove members.',
  'organization.readMembers': 'Only members of this organization, moderators and administrators see its members.',
  'claim.decide': 'Only moderators and administrators decide claims.',
  'invitation.accept': 'You may not accept invitations.',
  'verificationQueue.read': 'Only moderators and administrators see the verification queue.',
  'auditLog.read': 'Only moderators and administrators read the audit log.',
  'user.setRole': 'Only administrators manage users and roles.',
  'contract.write': 'Only authority officers and administrators record contracts.',
  'shortlist.write': 'Only authority officers and administrators keep shortlists.',
  'import.run': 'Only moderators and administrators import files.',
  'survey.manage': 'Only moderators and administrators run survey waves.',
  'survey.answer': 'Only the owners and editors of this organization answer its survey.',
  'survey.readMicrodata': 'Only administrators read the survey\'s per-organization answers.',
};

export function can(actor: Actor | null, action: Action, organizationId?: string): boolean {
  return Boolean(actor && actor.user.active && RULES[action](actor, organizationId));
}

const SIGN_IN_FIRST = 'Sign in first: this operation needs an account.';

/** Why the policy refuses an action, in the policy's words; null when it is allowed. */
export function denialOf(actor: Actor | null, action: Action, organizationId?: string): { code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string } | null {
  if (!actor) return { code: 'UNAUTHENTICATED', message: SIGN_IN_FIRST };
  return can(actor, action, organizationId) ? null : { code: 'FORBIDDEN', message: DENIED[action] };
}

/** Allowed, or the query or route fails with a DeniedError (UNAUTHENTICATED or FORBIDDEN) in the policy's words. */
export function requireAllowed(actor: Actor | null, action: Action, organizationId?: string): Actor {
  const denial = denialOf(actor, action, organizationId);
  if (denial) throw new DeniedError(denial.code, denial.message);
  return actor!;
}

/** Signed in, or the write fails with UNAUTHENTICATED. */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) fail(UserErrorCode.UNAUTHENTICATED, SIGN_IN_FIRST);
  return actor;
}

/** Allowed, or the write fails with UNAUTHENTICATED (signed out) or FORBIDDEN (signed in without the right). */
export function authorize(actor: Actor | null, action: Action, organizationId?: string): Actor {
  const signedIn = requireSignedIn(actor);
  const denial = denialOf(signedIn, action, organizationId);
  if (denial) fail(UserErrorCode.FORBIDDEN, denial.message);
  return signedIn;
}
