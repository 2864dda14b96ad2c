import { GraphQLError } from 'graphql';

/** Bad input from the client: a clear message, a stable code and the offending argument path. */
export class UserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

/**
 * A query or route refused by the policy (access/policy.ts): UNAUTHENTICATED when signed out, FORBIDDEN
 * when signed in without the right. Mutations report the same denials as typed userErrors instead.
 */
export class DeniedError extends GraphQLError {
  constructor(
    readonly denial: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code: denial, ...extensions } });
  }

  /** The HTTP status a plain route answers with. */
  get httpStatus(): number {
    return this.denial === 'UNAUTHENTICATED' ? 401 : 403;
  }
}
