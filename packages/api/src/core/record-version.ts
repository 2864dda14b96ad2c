import { ArgsType, type ClassType, Field, ID, InputType, Int } from 'type-graphql';

// Optimistic locking (core/base.entity.ts VersionedEntity): every write to a versioned record names it and the version read.
const ID_DESCRIPTION = 'Id of the record to change.';
const VERSION_DESCRIPTION = 'The version you read: a stale one changes nothing and returns a STALE_VERSION userError.';

/** The `id` and `version` arguments of a mutation that changes or deletes one versioned record. */
@ArgsType()
export class RecordVersionArgs {
  @Field(() => ID, { description: ID_DESCRIPTION }) id!: string;
  @Field(() => Int, { description: VERSION_DESCRIPTION }) version!: number;
}

/**
 * The input of an update: the fields of `Fields` (absent ones stay as they are) with the record's id and the
 * version read, e.g. `@InputType({ description }) class UpdateServiceInput extends UpdateInput(ServiceFieldsInput) {}`.
 */
export function UpdateInput<TFields extends ClassType>(Fields: TFields = class {} as TFields) {
  // Never in the schema itself: only the named subclasses are referenced.
  @InputType()
  abstract class Update extends Fields {
    @Field(() => ID, { description: ID_DESCRIPTION }) id!: string;
    @Field(() => Int, { description: VERSION_DESCRIPTION }) version!: number;
  }
  return Update;
}
