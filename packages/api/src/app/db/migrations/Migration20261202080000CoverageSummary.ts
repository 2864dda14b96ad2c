import { Migration } from '@mikro-orm/migrations';
import { COVERAGE_REBUILD_SQL } from '../../../coverage/coverage-summary';

/**
 * The coverage summary (src/coverage/coverage-summary.ts): per organization its provider cells and
 * its sites per category offered, and per (category, municipality, demo) the counts and the nearest
 * site's point, built here from the existing rows and kept current by every write path.
 * btree_gist lets the sites' GiST index lead with the category and the demo flag, so that the
 * nearest site of a category to a seat is one KNN probe.
 */
export class Migration20261202080000CoverageSummary extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`create table "coverage_provider" (
      "organization_id" uuid not null, "category_id" uuid not null, "municipality_id" uuid not null,
      "is_demo" boolean not null, "sites" int not null,
      constraint "coverage_provider_pkey" primary key ("organization_id", "category_id", "municipality_id"));`);
    this.addSql(`create table "coverage_site" (
      "location_id" uuid not null, "organization_id" uuid not null, "category_id" uuid not null,
      "is_demo" boolean not null, "lat" double precision not null, "lng" double precision not null,
      constraint "coverage_site_pkey" primary key ("organization_id", "location_id", "category_id"));`);
    this.addSql(`create index "coverage_site_nearest_gist" on "coverage_site" using gist ("category_id", "is_demo", ll_to_earth("lat", "lng"));`);
    this.addSql(`create table "coverage_cell" (
      "category_id" uuid not null, "municipality_id" uuid not null, "is_demo" boolean not null,
      "providers" int not null, "sites" int not null, "nearest_lat" double precision null, "nearest_lng" double precision null,
      constraint "coverage_cell_pkey" primary key ("category_id", "municipality_id", "is_demo"));`);
    this.addSql(COVERAGE_REBUILD_SQL.providers);
    this.addSql(COVERAGE_REBUILD_SQL.sites);
    this.addSql(COVERAGE_REBUILD_SQL.nearestAll);
    this.addSql(COVERAGE_REBUILD_SQL.emptyCells);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coverage_cell";`);
    this.addSql(`drop table if exists "coverage_site";`);
    this.addSql(`drop table if exists "coverage_provider";`);
  }
}
