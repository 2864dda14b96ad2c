import { Migration } from '@mikro-orm/migrations';

/**
 * Boundaries shipped with the product (issue 13):
 * - `country`: the country outline (GeoJSON MultiPolygon) for the maps' vector base layer;
 * - `boundary_import`: every import of boundaries, so the bundled files are imported on first start
 *   only (an operator who replaced or removed them keeps that);
 * - `municipality_ring`: each ring of each municipality's polygon as a native PostgreSQL `polygon`,
 *   kept in step with `municipality.boundary` by a trigger, so that "which municipality is this point
 *   in" is one indexed `polygon @> point` query (PostGIS is not available in embedded PostgreSQL).
 */
export class Migration20261202040000Boundaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "country" ("code" text not null, "name_sq" text not null, "name_sr" text null, "name_en" text null, "outline" jsonb null, "updated_at" timestamptz not null default now(), constraint "country_pkey" primary key ("code"));`);
    this.addSql(`insert into "country" ("code", "name_sq", "name_sr", "name_en") values ('XK', 'Kosova', 'Kosovo', 'Kosovo') on conflict do nothing;`);
    this.addSql(`create table "boundary_import" ("id" serial primary key, "level" text check ("level" in ('ADM0', 'ADM2')) not null, "source" text not null, "features" int not null, "imported_at" timestamptz not null default now());`);
    this.addSql(`create table "municipality_ring" ("municipality_id" uuid not null references "municipality" ("id") on delete cascade, "polygon_index" int not null, "ring_index" int not null, "shape" polygon not null, constraint "municipality_ring_pkey" primary key ("municipality_id", "polygon_index", "ring_index"));`);
    this.addSql(`create index "municipality_ring_shape_gist" on "municipality_ring" using gist ("shape");`);
    // Ring 0 of each polygon is its outer ring, the others its holes (GeoJSON's order).
    this.addSql(`create function "municipality_ring_sync"() returns trigger language plpgsql as $$
begin
  delete from municipality_ring where municipality_id = new.id;
  if new.boundary is not null and new.boundary->>'type' = 'MultiPolygon' then
    insert into municipality_ring (municipality_id, polygon_index, ring_index, shape)
    select new.id, p.i - 1, r.j - 1,
      (select ('(' || string_agg(format('(%s,%s)', pt->>0, pt->>1), ',' order by k) || ')')::polygon
         from jsonb_array_elements(r.ring) with ordinality as q(pt, k))
    from jsonb_array_elements(new.boundary->'coordinates') with ordinality as p(poly, i),
         jsonb_array_elements(p.poly) with ordinality as r(ring, j);
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "municipality_ring_sync" after insert or update of "boundary" on "municipality" for each row execute function "municipality_ring_sync"();`);
    this.addSql(`update "municipality" set "boundary" = "boundary" where "boundary" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "municipality_ring_sync" on "municipality";`);
    this.addSql(`drop function if exists "municipality_ring_sync"();`);
    this.addSql(`drop table if exists "municipality_ring";`);
    this.addSql(`drop table if exists "boundary_import";`);
    this.addSql(`drop table if exists "country";`);
  }
}
