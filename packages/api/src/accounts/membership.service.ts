import type { EntityManager } from '@mikro-orm/postgresql';
import { RevisionAction } from '../revisions/revision.entity';
import { recordRevision } from '../revisions/revision.service';
import { createOrganizationRecord, type EditContext, loadOrganization } from '../revisions/editing.service';
import type { CreateOrganizationInput, InviteMemberInput } from '../revisions/editing.inputs';
import { findById, isUuid } from '../core/ids';
import { fail, UserErrorCode, type WriteResult, writeTransaction } from '../core/user-errors';
import type { Mailer } from '../mail/mailer';
import type { Organization } from '../organizations/organization.entity';
import { MembershipRole } from '../users/user.enums';
import { normaliseEmail } from '../core/validation';
import { newToken, tokenHash } from './credentials';
import { Invitation } from './invitation.entity';
import { Membership } from '../access/membership.entity';
import { ClaimStatus, OrganizationClaim } from './organization-claim.entity';
import { authorize, requireSignedIn } from '../access/policy';
import { User } from '../users/user.entity';

export const INVITATION_TTL_DAYS = 14;

export interface MembershipContext extends EditContext {
  mailer: Mailer;
  publicUrl: string;
}

function membershipSnapshot(m: Membership) {
  return { user: m.user.id, role: m.role };
}

/** Makes the user a member with at least this role (an editor can become an owner, never the reverse here). */
async function grantMembership(tx: EntityManager, organizationId: string, userId: string, role: MembershipRole, authorId: string, reason: string): Promise<Membership> {
  const existing = await tx.findOne(Membership, { organization: organizationId, user: userId });
  if (existing && (existing.role === MembershipRole.OWNER || existing.role === role)) return existing;
  const before = existing ? membershipSnapshot(existing) : null;
  const membership = existing ?? tx.create(Membership, { organization: organizationId, user: userId, role });
  membership.role = role;
  tx.persist(membership);
  recordRevision(tx, {
    entityType: 'Membership',
    entityId: membership.id,
    organizationId,
    authorId,
    action: existing ? RevisionAction.UPDATE : RevisionAction.CREATE,
    before,
    after: membershipSnapshot(membership),
    reason,
  });
  return membership;
}

/** A signed-in user registers a new organization: unverified until a moderator verifies it, with its creator as owner. */
export function createOrganization(ctx: EditContext, input: CreateOrganizationInput): Promise<WriteResult<Organization>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'organization.create');
    const organization = await createOrganizationRecord(tx, ctx, input, actor);
    await tx.flush();
    await grantMembership(tx, organization.id, actor.user.id, MembershipRole.OWNER, actor.user.id, 'Registered the organization');
    return organization;
  });
}

export function claimOrganization(ctx: EditContext, organizationId: string, message: string): Promise<WriteResult<OrganizationClaim>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'organization.claim');
    const organization = await loadOrganization(tx, organizationId, ['organizationId']);
    const text = (message ?? '').trim();
    if (!text) fail(UserErrorCode.INVALID_INPUT, 'Tell the moderators who you are in the organization and how they can check it.', ['message']);
    if (text.length > 2000) fail(UserErrorCode.INVALID_INPUT, 'The message may have at most 2,000 characters.', ['message']);
    if (actor.memberships.has(organization.id)) fail(UserErrorCode.INVALID_INPUT, 'You are already a member of this organization.', ['organizationId']);
    if (await tx.count(OrganizationClaim, { organization: organization.id, claimant: actor.user.id, status: ClaimStatus.PENDING })) {
      fail(UserErrorCode.INVALID_INPUT, 'You already have a pending claim for this organization.', ['organizationId']);
    }
    const claim = tx.create(OrganizationClaim, { organization, claimant: tx.getReference(User, actor.user.id), message: text });
    tx.persist(claim);
    recordRevision(tx, {
      entityType: 'OrganizationClaim',
      entityId: claim.id,
      organizationId: organization.id,
      authorId: actor.user.id,
      action: RevisionAction.CREATE,
      before: null,
      after: { claimant: actor.user.id, status: claim.status },
    });
    return claim;
  });
}

/** Approval makes the claimant an owner; both the decision and the membership are revisions. */
export function decideClaim(ctx: MembershipContext, claimId: string, approve: boolean, reason?: string | null): Promise<WriteResult<OrganizationClaim>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'claim.decide');
    const claim = await findById(tx, OrganizationClaim, claimId, { populate: ['claimant'] });
    if (!claim) fail(UserErrorCode.NOT_FOUND, `No claim has the id "${String(claimId).slice(0, 60)}".`, ['claimId']);
    if (claim.status !== ClaimStatus.PENDING) fail(UserErrorCode.INVALID_INPUT, `This claim was already ${claim.status.toLowerCase()}.`, ['claimId']);
    const note = reason?.trim() || null;
    if (!approve && !note) fail(UserErrorCode.INVALID_INPUT, 'Give a reason when rejecting a claim.', ['reason']);
    const before = { claimant: claim.claimant.id, status: claim.status, decidedBy: null, reason: null };
    const decision = { status: approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED, decidedBy: tx.getReference(User, actor.user.id), decidedAt: new Date(), reason: note };
    // Compare-and-set: of concurrent decisions exactly one finds the claim still pending; the others
    // wait for its commit, then change nothing and roll back (no membership, revision or mail).
    if ((await tx.nativeUpdate(OrganizationClaim, { id: claim.id, status: ClaimStatus.PENDING }, decision)) !== 1) {
      fail(UserErrorCode.INVALID_INPUT, 'This claim was decided by someone else at the same moment.', ['claimId']);
    }
    Object.assign(claim, decision);
    recordRevision(tx, {
      entityType: 'OrganizationClaim',
      entityId: claim.id,
      organizationId: claim.organization.id,
      authorId: actor.user.id,
      action: RevisionAction.CLAIM_DECISION,
      before,
      after: { claimant: claim.claimant.id, status: claim.status, decidedBy: actor.user.id, reason: note },
      reason: note,
    });
    if (approve) await grantMembership(tx, claim.organization.id, claim.claimant.id, MembershipRole.OWNER, actor.user.id, `Claim ${claim.id} approved`);
    await ctx.mailer.send(
      {
        to: claim.claimant.email,
        kind: 'claim-decision',
        subject: approve ? 'civimap: your claim was approved' : 'civimap: your claim was not approved',
        body: approve ? 'You can now edit the organization you claimed on civimap.\n' : `Your claim was not approved. The moderator wrote:\n\n${note}\n`,
      },
      tx as EntityManager,
    );
    return claim;
  });
}

export function inviteMember(ctx: MembershipContext, input: InviteMemberInput): Promise<WriteResult<Invitation>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const organization = await loadOrganization(tx, input.organizationId);
    const actor = authorize(ctx.actor, 'organization.invite', organization.id);
    const email = normaliseEmail(input.email ?? '');
    if (!email) fail(UserErrorCode.INVALID_INPUT, `"${String(input.email).slice(0, 80)}" is not a valid email address.`, ['input', 'email']);
    const { token, tokenHash: hash } = newToken();
    const invitation = tx.create(Invitation, {
      organization,
      email,
      role: input.role ?? MembershipRole.EDITOR,
      invitedBy: tx.getReference(User, actor.user.id),
      tokenHash: hash,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    });
    tx.persist(invitation);
    // The invitee's email stays out of the public history; the role is what matters there.
    recordRevision(tx, {
      entityType: 'Invitation',
      entityId: invitation.id,
      organizationId: organization.id,
      authorId: actor.user.id,
      action: RevisionAction.CREATE,
      before: null,
      after: { role: invitation.role, accepted: false },
    });
    await ctx.mailer.send(
      {
        to: email,
        kind: 'invitation',
        subject: `civimap: ${actor.user.displayName} invites you to edit ${organization.names.sq}`,
        body:
          `${actor.user.displayName} invites you to edit the record of ${organization.names.sq} on civimap.\n\n` +
          `Sign in (or register with this email address) and open within ${INVITATION_TTL_DAYS} days:\n${ctx.publicUrl}/invitations/accept?token=${token}\n\nToken: ${token}\n`,
      },
      tx as EntityManager,
    );
    return invitation;
  });
}

/** The signed-in user accepts an invitation sent to their own email address. */
export function acceptInvitation(ctx: EditContext, token: string): Promise<WriteResult<Membership>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'invitation.accept');
    const invitation = token ? await tx.findOne(Invitation, { tokenHash: tokenHash(token) }) : null;
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) {
      fail(UserErrorCode.INVALID_INPUT, 'This invitation is invalid, already used or expired: ask for a new one.', ['token']);
    }
    if (invitation.email !== actor.user.email.toLowerCase()) {
      fail(UserErrorCode.FORBIDDEN, 'This invitation was sent to another email address: sign in with that address to accept it.', ['token']);
    }
    const acceptance = { acceptedAt: new Date(), acceptedBy: tx.getReference(User, actor.user.id) };
    // Compare-and-set: an invitation is accepted once, however many tabs or clients try at once.
    if ((await tx.nativeUpdate(Invitation, { id: invitation.id, acceptedAt: null }, acceptance)) !== 1) {
      fail(UserErrorCode.INVALID_INPUT, 'This invitation is invalid, already used or expired: ask for a new one.', ['token']);
    }
    Object.assign(invitation, acceptance);
    recordRevision(tx, {
      entityType: 'Invitation',
      entityId: invitation.id,
      organizationId: invitation.organization.id,
      authorId: actor.user.id,
      action: RevisionAction.UPDATE,
      before: { role: invitation.role, accepted: false },
      after: { role: invitation.role, accepted: true },
    });
    return grantMembership(tx, invitation.organization.id, actor.user.id, invitation.role, actor.user.id, `Invitation ${invitation.id} accepted`);
  });
}

/**
 * Owners (and administrators) remove members; any member may leave. The last owner cannot go: an
 * organization without an owner could not invite anyone again.
 */
export function removeMember(ctx: EditContext, organizationId: string, userId: string): Promise<WriteResult<string>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = requireSignedIn(ctx.actor);
    const organization = await loadOrganization(tx, organizationId, ['organizationId']);
    if (actor.user.id !== userId) authorize(ctx.actor, 'organization.manageMembers', organization.id);
    const membership = isUuid(userId) ? await tx.findOne(Membership, { organization: organization.id, user: userId.toLowerCase() }) : null;
    if (!membership) fail(UserErrorCode.NOT_FOUND, 'This user is not a member of this organization.', ['userId']);
    if (membership.role === MembershipRole.OWNER && (await tx.count(Membership, { organization: organization.id, role: MembershipRole.OWNER })) === 1) {
      fail(UserErrorCode.INVALID_INPUT, 'The last owner cannot leave: make another member an owner first (invite them as OWNER).', ['userId']);
    }
    recordRevision(tx, {
      entityType: 'Membership',
      entityId: membership.id,
      organizationId: organization.id,
      authorId: actor.user.id,
      action: RevisionAction.DELETE,
      before: membershipSnapshot(membership),
      after: null,
    });
    tx.remove(membership);
    return membership.id;
  });
}
