import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipRole, UserRole } from '../../src/users/user.enums';
import { SESSION_DAYS } from '../../src/accounts/auth';
import { hashPassword, newToken } from '../../src/accounts/credentials';
import { Membership } from '../../src/access/membership.entity';
import { Session } from '../../src/accounts/session.entity';
import { User } from '../../src/users/user.entity';
import type { ActAs } from './api';

export const TEST_PASSWORD = 'Correct horse 42 battery';
let passwordHash: Promise<string> | undefined;

export interface TestAccount {
  user: User;
  token: string;
  /** Credentials for api.query(…, …, as). */
  as: ActAs;
}

/** A confirmed user with a live session (created directly, not through signIn), optionally a member of organizations. */
export async function createAccount(
  em: EntityManager,
  spec: { email: string; role?: UserRole; displayName?: string; memberOf?: { organizationId: string; role?: MembershipRole }[] },
): Promise<TestAccount> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const fork = em.fork();
  const user = fork.create(User, {
    email: spec.email.toLowerCase(),
    displayName: spec.displayName ?? spec.email.split('@')[0],
    passwordHash: await passwordHash,
    role: spec.role ?? UserRole.EDITOR,
    emailConfirmedAt: new Date(),
  });
  const { token, tokenHash } = newToken();
  fork.create(Session, { user, tokenHash, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) });
  for (const m of spec.memberOf ?? []) fork.create(Membership, { user, organization: m.organizationId, role: m.role ?? MembershipRole.EDITOR });
  await fork.flush();
  return { user, token, as: { token } };
}

/** Row counts of the tables a write touches, to assert that a refused write wrote nothing. */
export async function rowCounts(em: EntityManager): Promise<Record<string, number>> {
  const [row] = await em.fork().execute(
    `select (select count(*) from organization)::int as organization, (select count(*) from service)::int as service,
            (select count(*) from location)::int as location, (select count(*) from licence)::int as licence,
            (select count(*) from revision)::int as revision, (select count(*) from app_user)::int as app_user,
            (select count(*) from membership)::int as membership, (select count(*) from organization_claim)::int as organization_claim,
            (select count(*) from invitation)::int as invitation, (select count(*) from user_session)::int as user_session,
            (select count(*) from service_at_location)::int as service_at_location, (select count(*) from outbox_message)::int as outbox_message`,
  );
  return row;
}
