import type { TestAccount } from '../support/accounts';
import type { ActAs, TestApi } from '../support/api';
import type { TestDatabase } from '../support/test-database';

/**
 * The roles, the world and the row shape of the authorization matrix (authorization-matrix.test.ts),
 * shared with authorization-matrix.editing.ts, which holds the editing rows.
 */
export const ROLES = ['anonymous', 'ownerOfA', 'editorOfA', 'editorOfB', 'officer', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface World {
  api: TestApi;
  db: TestDatabase;
  accounts: Record<Exclude<Role, 'anonymous'>, TestAccount>;
  orgA: string;
  orgB: string;
  orgC: string;
  /** Runs a mutation as an admin, for setting up a case; fails the test on any error. */
  asAdmin: (query: string, variables: Record<string, unknown>) => Promise<any>;
  version: (table: string, id: string) => Promise<number>;
  unique: () => string;
}

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** Other credentials of the same role (signOut ends a session of its own, not the one the other cases use). */
  as?: ActAs;
}

export interface Row {
  allowed: readonly Role[];
  /** Builds a valid call for this role on fresh records, so that cases do not depend on each other. */
  call: (world: World, role: Role) => Promise<Call>;
}

export const EVERYONE = ROLES;
export const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');
export const EDITORS_OF_A = ['ownerOfA', 'editorOfA', 'moderator', 'admin'] as const;
export const STAFF = ['moderator', 'admin'] as const;
export const E = '{ field message code }';
