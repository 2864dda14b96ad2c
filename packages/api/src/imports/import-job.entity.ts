import { Entity, Enum, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';
import { BaseEntity } from '../core/base.entity';

export enum ImportKind {
  CSV = 'CSV',
  HSDS = 'HSDS',
}

export enum ImportStatus {
  /** Validated; the report says what would be written. Waiting for the operator. */
  VALIDATED = 'VALIDATED',
  COMMITTING = 'COMMITTING',
  COMMITTED = 'COMMITTED',
  /** The file could not be read at all, or the commit failed: nothing was written. */
  FAILED = 'FAILED',
}

/**
 * An import an operator uploaded: its validation report, then the progress of its commit. Kept in
 * PostgreSQL so any API replica can answer for it while another one commits.
 */
@Entity({ tableName: 'import_job' })
@Index({ properties: ['createdBy', 'createdAt'] })
export class ImportJob extends BaseEntity {
  @Enum({ items: () => ImportKind })
  kind!: ImportKind;

  @Enum({ items: () => ImportStatus })
  status!: ImportStatus;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  createdBy!: User;

  @Property({ type: 'text', nullable: true })
  filename?: string | null;

  /** The uploaded file, kept until the commit so the operator need not upload it twice. */
  @Property({ type: 'text', nullable: true, lazy: true })
  content?: string | null;

  @Property({ type: 'integer', default: 0 })
  total: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  processed: Opt<number> = 0;

  @Property({ type: 'json', nullable: true })
  report?: unknown;

  @Property({ type: 'json', nullable: true })
  written?: unknown;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}
