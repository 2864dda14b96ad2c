import { randomUUID } from 'node:crypto';
import { type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** id, createdAt and updatedAt, which every entity of the domain model carries. */
@ObjectType('BaseEntity')
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Globally unique id of the record (Relay Node id).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When the record was created (UTC, ISO 8601).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { description: 'When the record last changed (UTC, ISO 8601).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** Editable entities carry a version for optimistic locking: a stale update fails instead of overwriting. */
@ObjectType('VersionedEntity')
export abstract class VersionedEntity extends BaseEntity {
  @Field(() => Int, { description: 'Optimistic-locking version: pass it back with every update.' })
  @Property({ version: true, type: 'integer' })
  version: Opt<number> = 1;
}
