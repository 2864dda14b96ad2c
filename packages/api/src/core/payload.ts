import type { GraphQLScalarType } from 'graphql';
import { type ClassType, Field, ObjectType } from 'type-graphql';
import { UserError, type WriteResult } from './user-errors';

/** What every mutation payload says of its userErrors (DESIGN: errors a client handles are data). */
const USER_ERRORS = 'Why nothing was written: empty on success; each error names the input field, a message and a code.';

/** The userErrors every mutation payload carries; a payload adds what the mutation wrote. */
// Never in the schema itself: only the named payloads are referenced.
@ObjectType()
export abstract class MutationPayload {
  @Field(() => [UserError], { description: USER_ERRORS }) userErrors!: UserError[];
}

/**
 * The usual payload: one nullable field with what was written (null when userErrors is not empty), e.g.
 *   @ObjectType({ description }) class ServicePayload extends WritePayload('service', () => Service, 'The service as written') {}
 * The subclass names the type, so the SDL keeps one named payload per mutation.
 */
export function WritePayload<TField extends string, TType extends ClassType | GraphQLScalarType>(field: TField, type: () => TType, written: string) {
  type TValue = TType extends ClassType<infer TInstance> ? TInstance : string;
  @ObjectType()
  abstract class Payload extends MutationPayload {
    /** The payload of a write: what it wrote (null when it wrote nothing) and its userErrors. */
    static of<TPayload>(this: new () => TPayload, result: WriteResult<TValue>): TPayload {
      return Object.assign(new this() as object, { [field]: result.value, userErrors: result.userErrors }) as TPayload;
    }

    /** The same, for a write whose record the schema shows through a view (a ClaimView of an OrganizationClaim). */
    static async ofView<TPayload, TWritten>(this: new () => TPayload, result: WriteResult<TWritten>, view: (written: TWritten) => TValue | Promise<TValue>): Promise<TPayload> {
      const value = result.value === null ? null : await view(result.value);
      return Object.assign(new this() as object, { [field]: value, userErrors: result.userErrors }) as TPayload;
    }
  }
  Field(type, { nullable: true, description: `${written}; null when userErrors is not empty.` })(Payload.prototype, field);
  return Payload as unknown as (abstract new () => MutationPayload & { [F in TField]: TValue | null }) & Pick<typeof Payload, 'of' | 'ofView'>;
}
