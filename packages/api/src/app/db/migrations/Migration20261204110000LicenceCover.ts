import { Migration } from '@mikro-orm/migrations';

/**
 * `licence_cover`: each licence's categories with its organization and validity, one row per
 * (licence, category) (issue 14, contractableFor). The search checks a licence for every candidate
 * organization that `service_reach` gives (2,133 at 100k organizations for a shelter category in
 * Prishtina); over licence and licence_category that is two index probes and a heap fetch per
 * candidate, here one index-only probe on (organization, category) carrying the dates.
 *
 * Kept by row triggers on licence_category (a category added to or taken off a licence; a licence
 * deleted cascades through it) and on licence (its organization or validity changed: editing, a merge
 * moving licences), so every write path (editing, imports, merges, demo generation) keeps it current
 * in the writer's own transaction without knowing of it.
 */
export class Migration20261204110000LicenceCover extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "licence_cover" (
      "licence_id" uuid not null references "licence" ("id") on delete cascade, "category_id" uuid not null,
      "organization_id" uuid not null, "valid_from" date not null, "valid_until" date null,
      constraint "licence_cover_pkey" primary key ("licence_id", "category_id"));`);
    this.addSql(`create index "licence_cover_organization_index" on "licence_cover" ("organization_id", "category_id") include ("valid_from", "valid_until");`);
    this.addSql(`create function "licence_cover_categories"() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    delete from licence_cover c where c.licence_id = old.licence_id and c.category_id = old.category_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into licence_cover (licence_id, category_id, organization_id, valid_from, valid_until)
    select li.id, new.category_id, li.organization_id, li.valid_from, li.valid_until from licence li where li.id = new.licence_id
    on conflict (licence_id, category_id) do nothing;
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger "licence_cover_categories" after insert or update or delete on "licence_category" for each row execute function "licence_cover_categories"();`);
    this.addSql(`create function "licence_cover_licence"() returns trigger language plpgsql as $$
begin
  update licence_cover c set organization_id = new.organization_id, valid_from = new.valid_from, valid_until = new.valid_until where c.licence_id = new.id;
  return null;
end $$;`);
    this.addSql(
      `create trigger "licence_cover_licence" after update of "organization_id", "valid_from", "valid_until" on "licence" for each row execute function "licence_cover_licence"();`,
    );
    this.addSql(`insert into licence_cover (licence_id, category_id, organization_id, valid_from, valid_until)
      select li.id, lc.category_id, li.organization_id, li.valid_from, li.valid_until from licence li join licence_category lc on lc.licence_id = li.id;`);
    // Statistics now, not at autovacuum's next pass, so the first searches are planned on them; the
    // index-only probes fetch from the heap until a vacuum has set the table's visibility map.
    this.addSql(`analyze "licence_cover";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "licence_cover_licence" on "licence";`);
    this.addSql(`drop trigger if exists "licence_cover_categories" on "licence_category";`);
    this.addSql(`drop function if exists "licence_cover_licence"();`);
    this.addSql(`drop function if exists "licence_cover_categories"();`);
    this.addSql(`drop table if exists "licence_cover";`);
  }
}
