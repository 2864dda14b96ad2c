import { Migration } from '@mikro-orm/migrations';

/**
 * A B-tree over the sites by band of latitude (0.01°, about 1.1 km) and longitude, carrying the
 * latitude and the organization's number (issue 14, the count of a near or bbox search,
 * geography/geo.ts siteBandsSql). The count reads every site in the area: on this index it is one
 * descent per band and a contiguous run of leaf entries, about half the CPU of reading the same
 * entries from the GiST index (37,219 sites within 10 km of Prishtina at 100k organizations).
 * An expression index over existing columns: PostgreSQL keeps it current on every write.
 */
export class Migration20261204100000SiteBands extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "location_band_index" on "location" ((floor("lat" * 100)::int), "lng") include ("lat", "organization_number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "location_band_index";`);
  }
}
