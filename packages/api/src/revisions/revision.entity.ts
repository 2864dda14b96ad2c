import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { User } from '../users/user.entity';
import { defineEnum, type EnumValue } from '../core/enums';

export type RevisionAction = EnumValue<typeof RevisionAction>;
export const RevisionAction = defineEnum('RevisionAction', 'What kind of change a revision records.', {
  CREATE: 'The record was created.',
  UPDATE: 'Fields of the record changed.',
  DELETE: 'The record was deleted (its last values are kept).',
  VERIFY: 'A moderator verified the record or withdrew verification.',
  CLAIM_DECISION: 'A moderator decided a claim.',
  CONFIRM: 'An editor confirmed the record is current.',
  REVERT: 'An earlier revision was undone.',
  IMPORT: 'The record came from a CSV or HSDS import.',
  // Two organizations became one (src/merges/): recorded on the kept record and on the merged one.
  MERGE: 'A moderator merged a duplicate organization into the kept one (recorded on both).',
  // A merge was undone: the merged record is back with what moved.
  UNMERGE: 'A moderator undid a merge: the merged organization is back (recorded on both).',
});

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** The audit log: written in the same transaction as the change; never edited, never deleted. */
@Entity({ tableName: 'revision' })
@Index({ properties: ['entityType', 'entityId', 'createdAt'] })
@Index({ properties: ['organizationId', 'createdAt'] })
export class Revision {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  /** The organization the entity belongs to, so a profile's whole history is one index scan. */
  @Property({ type: 'uuid', nullable: true })
  organizationId?: string | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  author?: User | null;

  @Enum({ items: () => RevisionAction })
  action!: RevisionAction;

  @Property({ type: 'json' })
  changes: Opt<FieldChange[]> = [];

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
