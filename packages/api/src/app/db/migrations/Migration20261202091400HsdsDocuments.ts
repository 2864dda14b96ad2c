import { Migration } from '@mikro-orm/migrations';

/**
 * The HSDS organization documents kept ready (src/hsds/hsds-documents.ts). `hsds_document_generation`
 * counts the changes of each organization's HSDS content: a deferred trigger on every table a
 * document reads bumps it in the writing transaction, whatever the write path (editing, imports,
 * merges, reverts, verification, demo data, SQL by hand). A stored document serves only while its
 * generation is the organization's current one and its `vocabulary` (a hash of the builder's SQL,
 * which holds the reference data and the mapping) is the API's; otherwise the export builds the
 * organization afresh. Being deferred, the bump takes its row lock at commit, so writers of one
 * organization wait for each other only for the instant of a commit.
 */
export class Migration20261202091400HsdsDocuments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "hsds_document_generation" ("organization_id" uuid not null primary key, "generation" bigint not null);`);
    this.addSql(`create table "hsds_document" ("organization_id" uuid not null primary key, "generation" bigint not null, "vocabulary" text not null, "doc" text not null);`);
    // lz4 decompresses several times faster than the default pglz, where the server has it.
    this.addSql(`do $$ begin alter table "hsds_document" alter column "doc" set compression lz4; exception when others then null; end $$;`);
    this.addSql(`create or replace function civimap_hsds_stale(organizations uuid[]) returns void language sql as $$
  insert into hsds_document_generation (organization_id, generation)
  select distinct id, 1 from unnest(organizations) id where id is not null order by id
  on conflict (organization_id) do update set generation = hsds_document_generation.generation + 1
$$;`);
    // The organizations whose documents show these records (an organization, service, site or service-at-location).
    this.addSql(`create or replace function civimap_hsds_owners(ids uuid[]) returns uuid[] language sql stable as $$
  select array(select id from organization where id = any(ids)
         union select organization_id from service where id = any(ids)
         union select organization_id from location where id = any(ids)
         union select s.organization_id from service_at_location sl join service s on s.id = sl.service_id where sl.id = any(ids))
$$;`);
    this.addSql(`create or replace function civimap_hsds_stale_row() returns trigger language plpgsql as $$
begin
  case tg_table_name
    when 'organization' then perform civimap_hsds_stale(array[new.id, old.id]);
    when 'service', 'location' then perform civimap_hsds_stale(array[new.organization_id, old.organization_id]);
    when 'revision' then perform civimap_hsds_stale(civimap_hsds_owners(array[new.entity_id, old.entity_id]) || array[new.organization_id, old.organization_id]);
    when 'app_user' then
      if new.display_name is distinct from old.display_name then
        perform civimap_hsds_stale(civimap_hsds_owners(array(select r.entity_id from revision r where r.author_id = new.id)));
      end if;
    else perform civimap_hsds_stale(array(select organization_id from service where id in (new.service_id, old.service_id)));
  end case;
  return null;
end $$;`);
    for (const table of ['organization', 'service', 'location', 'service_at_location', 'service_category_link', 'service_target_group', 'service_area', 'revision']) {
      this.addSql(`create constraint trigger "${table}_hsds_stale" after insert or update or delete on "${table}" deferrable initially deferred for each row execute function civimap_hsds_stale_row();`);
    }
    this.addSql(`create constraint trigger "app_user_hsds_stale" after update on "app_user" deferrable initially deferred for each row execute function civimap_hsds_stale_row();`);
  }

  override async down(): Promise<void> {
    for (const table of ['organization', 'service', 'location', 'service_at_location', 'service_category_link', 'service_target_group', 'service_area', 'revision', 'app_user']) {
      this.addSql(`drop trigger if exists "${table}_hsds_stale" on "${table}";`);
    }
    this.addSql(`drop function if exists civimap_hsds_stale_row();`);
    this.addSql(`drop function if exists civimap_hsds_owners(uuid[]);`);
    this.addSql(`drop function if exists civimap_hsds_stale(uuid[]);`);
    this.addSql(`drop table if exists "hsds_document";`);
    this.addSql(`drop table if exists "hsds_document_generation";`);
  }
}
