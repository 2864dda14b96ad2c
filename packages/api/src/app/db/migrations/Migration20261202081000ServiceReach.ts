import { Migration } from '@mikro-orm/migrations';
import { COVERAGE_REBUILD_SQL } from '../../../coverage/coverage-summary';

/**
 * `service_reach` (src/coverage/coverage-summary.ts): per active service, its category and each
 * municipality it serves (area or a site it is delivered at), keyed by (municipality, category) so
 * that contractableFor starts from the services that serve the place in the category (a few hundred
 * index entries at 100k organizations) rather than from every verified organization. Kept current by
 * refreshCoverage on every write path; built here from the existing rows.
 */
export class Migration20261202081000ServiceReach extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "service_reach" (
      "municipality_id" uuid not null, "category_id" uuid not null, "organization_id" uuid not null, "service_id" uuid not null,
      constraint "service_reach_pkey" primary key ("municipality_id", "category_id", "organization_id", "service_id"));`);
    this.addSql(`create index "service_reach_organization_index" on "service_reach" ("organization_id");`);
    this.addSql(COVERAGE_REBUILD_SQL.reach);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_reach";`);
  }
}
