import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes that make the searches grow with the page, not the registry (organization-page.ts):
 * - sites as points on the Earth (earthdistance, a contrib extension like pg_trgm): KNN ordering for
 *   `near` by distance; the entries carry the organization and coordinates, so they answer alone;
 * - the sites' planar GiST index carries the same, so that counting the organizations in a bbox or
 *   near radius is an index-only scan;
 * - services by category and by served municipality, as (key, service) pairs, for contractableFor
 *   and the category filters from the service side.
 */
export class Migration20261201100000SearchIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists cube;`);
    this.addSql(`create extension if not exists earthdistance;`);
    this.addSql(`create index if not exists "location_earth_gist" on "location" using gist (ll_to_earth("lat", "lng")) include ("organization_id", "lat", "lng");`);
    this.addSql(`drop index if exists "location_point_gist";`);
    this.addSql(`create index "location_point_gist" on "location" using gist (point("lng", "lat")) include ("organization_id", "lat", "lng");`);
    this.addSql(`create index if not exists "service_category_link_category_service_index" on "service_category_link" ("category_id", "service_id");`);
    this.addSql(`create index if not exists "service_area_municipality_service_index" on "service_area" ("municipality_id", "service_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "service_area_municipality_service_index";`);
    this.addSql(`drop index if exists "service_category_link_category_service_index";`);
    this.addSql(`drop index if exists "location_point_gist";`);
    this.addSql(`create index "location_point_gist" on "location" using gist (point("lng", "lat"));`);
    this.addSql(`drop index if exists "location_earth_gist";`);
  }
}
