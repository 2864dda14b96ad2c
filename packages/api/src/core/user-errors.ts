import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { defineEnum, type EnumValue } from './enums';

/**
 * Errors a client is expected to handle (bad input, conflicts, denials) travel as data in each
 * mutation payload, so a form can show them next to its fields; only bugs become GraphQL errors.
 */
export type UserErrorCode = EnumValue<typeof UserErrorCode>;
export const UserErrorCode = defineEnum('UserErrorCode', 'Kinds of userErrors.', {
  INVALID_INPUT: 'An input value is not acceptable (field says which).',
  STALE_VERSION: 'The record changed since the version given: read it again and retry.',
  FORBIDDEN: 'The viewer may not do this.',
  UNAUTHENTICATED: 'Sign in first.',
  NOT_FOUND: 'The record does not exist (or is not visible to the viewer).',
  RATE_LIMITED: 'Too many attempts; try again later.',
  EMAIL_NOT_CONFIRMED: 'The account\'s email address is not confirmed yet: open the link mailed at registration, or ask for a new one.',
});

@ObjectType({ description: 'A problem the client can act on: the input path it concerns, a message for people, a code for programs.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path of the input field, e.g. ["input", "website"]; empty for the whole request.' })
  field!: string[] | null;

  @Field(() => String, { description: 'What went wrong, in English, for people.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'Machine-readable kind of the error.' })
  code!: UserErrorCode;
}

export function userError(code: UserErrorCode, message: string, field?: string | string[] | null): UserError {
  const path = field === undefined || field === null ? null : Array.isArray(field) ? field : field.split('.');
  return Object.assign(new UserError(), { code, message, field: path });
}

/** Thrown inside a write to abort it (the transaction rolls back) and answer with these userErrors. */
export class UserErrorsException extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join(' '));
  }
}

export function fail(code: UserErrorCode, message: string, field?: string | string[] | null): never {
  throw new UserErrorsException([userError(code, message, field)]);
}

export const invalid = (message: string, field?: string | string[] | null): UserError => userError(UserErrorCode.INVALID_INPUT, message, field);

export function staleVersion(entity: string, given: number, current: number): never {
  return fail(
    UserErrorCode.STALE_VERSION,
    `This ${entity} was changed by someone else since you loaded it (your version ${given}, now ${current}). Reload it and apply your change again.`,
    ['input', 'version'],
  );
}

export interface WriteResult<T> {
  value: T | null;
  userErrors: UserError[];
}

/**
 * Runs a write in one transaction. UserErrorsException, and MikroORM's OptimisticLockError (another
 * transaction committed the same row first), roll it back and become userErrors: nothing is written.
 */
export async function writeTransaction<T>(em: EntityManager, write: (tx: EntityManager) => Promise<T>): Promise<WriteResult<T>> {
  try {
    const value = await em.transactional((tx) => write(tx as EntityManager));
    return { value, userErrors: [] };
  } catch (error) {
    em.clear();
    if (error instanceof UserErrorsException) return { value: null, userErrors: error.errors };
    if (error instanceof OptimisticLockError) {
      return {
        value: null,
        userErrors: [userError(UserErrorCode.STALE_VERSION, 'Someone else saved this record at the same moment. Reload it and apply your change again.', ['input', 'version'])],
      };
    }
    if (error instanceof UniqueConstraintViolationException) {
      return { value: null, userErrors: [invalid('A record with these values already exists.')] };
    }
    throw error;
  }
}
