import { Migration } from '@mikro-orm/migrations';

/**
 * Merging duplicate organizations (src/merges/): one row per merge, holding what it needs to be
 * undone exactly: the merged organization's row as it was, the kept record's fields before and
 * after, the ids of the rows that moved and the duplicate rows that were dropped (memberships,
 * shortlist entries, pending claims, survey invitations and responses the kept record already had).
 *
 * An active merge (undone_at null) is the merged id's redirect: `organization(id)`, `node(id)`, the
 * HSDS API and the history follow it (src/organizations/organization-redirect.ts). No foreign keys to
 * organization: the merged row no longer exists, and the kept one may be merged on in turn (a chain).
 */
export class Migration20261202021000OrganizationMerges extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "organization_merge" (
      "id" uuid not null, "created_at" timestamptz not null default now(),
      "kept_id" uuid not null, "merged_id" uuid not null,
      "author_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "merged_row" jsonb not null, "kept_before" jsonb not null, "kept_after" jsonb not null,
      "moved" jsonb not null, "dropped" jsonb not null,
      "undone_at" timestamptz null, "undone_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "organization_merge_pkey" primary key ("id"));`);
    this.addSql(`create unique index "organization_merge_active_merged_unique" on "organization_merge" ("merged_id") where "undone_at" is null;`);
    this.addSql(`create index "organization_merge_active_kept_index" on "organization_merge" ("kept_id") where "undone_at" is null;`);
    this.addSql(`alter table "revision" drop constraint if exists "revision_action_check";`);
    this.addSql(`alter table "revision" add constraint "revision_action_check" check ("action" in ('CREATE', 'UPDATE', 'DELETE', 'VERIFY', 'CLAIM_DECISION', 'CONFIRM', 'REVERT', 'IMPORT', 'MERGE', 'UNMERGE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "organization_merge";`);
    this.addSql(`alter table "revision" drop constraint if exists "revision_action_check";`);
    this.addSql(`alter table "revision" add constraint "revision_action_check" check ("action" in ('CREATE', 'UPDATE', 'DELETE', 'VERIFY', 'CLAIM_DECISION', 'CONFIRM', 'REVERT', 'IMPORT'));`);
  }
}
