import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { User } from '../users/user.entity';

export enum RevisionAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  VERIFY = 'VERIFY',
  CLAIM_DECISION = 'CLAIM_DECISION',
  CONFIRM = 'CONFIRM',
  REVERT = 'REVERT',
  IMPORT = 'IMPORT',
  /** Two organizations became one (src/merges/): on the kept record and on the merged one. */
  MERGE = 'MERGE',
  /** A merge was undone: the merged record is back with what moved. */
  UNMERGE = 'UNMERGE',
}

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
