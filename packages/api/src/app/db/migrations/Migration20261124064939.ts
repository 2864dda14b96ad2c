import { Migration } from '@mikro-orm/migrations';

/** The registry core: every entity of the domain model, with the indexes the public filters need. */
export class Migration20261124064939 extends Migration {

  override async up(): Promise<void> {
    // Text search folds case and diacritics ("shtepi" finds "Shtëpi", "gracanica" finds "Gračanica").
    // unaccent() is only STABLE; the wrapper pins the dictionary so it can be IMMUTABLE and indexable.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create or replace function civimap_fold(text) returns text language sql immutable parallel safe strict as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;`);

    this.addSql(`create table "region" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name_sq" text not null, "name_sr" text null, "name_en" text null, constraint "region_pkey" primary key ("id"));`);
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);

    this.addSql(`create table "municipality" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name_sq" text not null, "name_sr" text null, "name_en" text null, "region_id" uuid not null, "population" int not null, "population_year" int not null, "seat_lat" double precision not null, "seat_lng" double precision not null, "boundary" jsonb null, "boundary_shape_name" text null, constraint "municipality_pkey" primary key ("id"));`);
    this.addSql(`alter table "municipality" add constraint "municipality_code_unique" unique ("code");`);

    this.addSql(`create table "public_authority" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name_sq" text not null, "name_sr" text null, "name_en" text null, "kind" text check ("kind" in ('MINISTRY', 'MUNICIPALITY', 'OTHER')) not null, "municipality_id" uuid null, constraint "public_authority_pkey" primary key ("id"));`);
    this.addSql(`alter table "public_authority" add constraint "public_authority_code_unique" unique ("code");`);

    this.addSql(`create table "service_category" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name_sq" text not null, "name_sr" text null, "name_en" text null, "parent_id" uuid null, "position" int not null default 0, constraint "service_category_pkey" primary key ("id"));`);
    this.addSql(`alter table "service_category" add constraint "service_category_code_unique" unique ("code");`);

    this.addSql(`create table "target_group" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" text not null, "name_sq" text not null, "name_sr" text null, "name_en" text null, "position" int not null default 0, constraint "target_group_pkey" primary key ("id"));`);
    this.addSql(`alter table "target_group" add constraint "target_group_code_unique" unique ("code");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "email" text not null, "display_name" text not null, "password_hash" text not null, "role" text check ("role" in ('ADMIN', 'MODERATOR', 'AUTHORITY_OFFICER', 'EDITOR')) not null default 'EDITOR', "authority_id" uuid null, "active" boolean not null default true, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`create unique index "app_user_email_lower_unique" on "app_user" (lower("email"));`);

    this.addSql(`create table "shortlist" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "owner_id" uuid not null, "name" text not null, "notes" text null, constraint "shortlist_pkey" primary key ("id"));`);
    this.addSql(`create index "shortlist_owner_id_index" on "shortlist" ("owner_id");`);

    this.addSql(`create table "revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "entity_type" text not null, "entity_id" uuid not null, "organization_id" uuid null, "author_id" uuid null, "action" text check ("action" in ('CREATE', 'UPDATE', 'DELETE', 'VERIFY', 'CLAIM_DECISION', 'CONFIRM', 'REVERT', 'IMPORT')) not null, "changes" jsonb not null, "reason" text null, constraint "revision_pkey" primary key ("id"));`);
    this.addSql(`create index "revision_organization_id_created_at_index" on "revision" ("organization_id", "created_at");`);
    this.addSql(`create index "revision_entity_type_entity_id_created_at_index" on "revision" ("entity_type", "entity_id", "created_at");`);

    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name_sq" text not null, "name_sr" text null, "name_en" text null, "acronym" text null, "description_sq" text null, "description_sr" text null, "description_en" text null, "legal_form" text check ("legal_form" in ('ASSOCIATION', 'FOUNDATION', 'OTHER')) not null default 'ASSOCIATION', "registration_number" text null, "registration_date" date null, "public_benefit" boolean not null default false, "website" text null, "email" text null, "phone" text null, "social_links" text[] not null default '{}', "year_founded" int null, "staff_count" int null, "volunteer_count" int null, "budget_band" text check ("budget_band" in ('UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_100K', 'FROM_100K_TO_500K', 'OVER_500K')) null, "funding_public_pct" smallint null, "funding_foreign_pct" smallint null, "funding_own_pct" smallint null, "funding_other_pct" smallint null, "status" text check ("status" in ('ACTIVE', 'INACTIVE', 'CLOSED')) not null default 'ACTIVE', "verification_status" text check ("verification_status" in ('UNVERIFIED', 'VERIFIED')) not null default 'UNVERIFIED', "verified_at" timestamptz null, "verified_by_id" uuid null, "last_confirmed_at" timestamptz null, "is_demo" boolean not null default false, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "organization" add column "search_text" text generated always as (civimap_fold(coalesce(name_sq, '') || ' ' || coalesce(name_sr, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(acronym, ''))) stored;`);
    this.addSql(`create index "organization_search_text_trgm" on "organization" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`create index "organization_name_sq_id_index" on "organization" ("name_sq", "id");`);
    this.addSql(`create index "organization_updated_at_id_index" on "organization" ("updated_at", "id");`);
    this.addSql(`create index "organization_registration_number_index" on "organization" ("registration_number");`);
    this.addSql(`create index "organization_status_index" on "organization" ("status");`);

    this.addSql(`create table "shortlist_entry" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "shortlist_id" uuid not null, "organization_id" uuid not null, "note" text null, "position" int not null default 0, constraint "shortlist_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "shortlist_entry_organization_id_index" on "shortlist_entry" ("organization_id");`);
    this.addSql(`alter table "shortlist_entry" add constraint "shortlist_entry_shortlist_id_organization_id_unique" unique ("shortlist_id", "organization_id");`);

    this.addSql(`create table "service" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "organization_id" uuid not null, "name_sq" text not null, "name_sr" text null, "name_en" text null, "description_sq" text null, "description_sr" text null, "description_en" text null, "languages" text[] not null default '{sq}', "eligibility" text null, "fee" text check ("fee" in ('FREE', 'FEE', 'SLIDING_SCALE')) null, "capacity_per_year" int null, "residential_places" int null, "status" text check ("status" in ('ACTIVE', 'INACTIVE')) not null default 'ACTIVE', "is_demo" boolean not null default false, constraint "service_pkey" primary key ("id"));`);
    this.addSql(`create index "service_organization_id_index" on "service" ("organization_id");`);

    this.addSql(`create table "service_target_group" ("service_id" uuid not null, "target_group_id" uuid not null, constraint "service_target_group_pkey" primary key ("service_id", "target_group_id"));`);

    this.addSql(`create table "service_category_link" ("service_id" uuid not null, "category_id" uuid not null, constraint "service_category_link_pkey" primary key ("service_id", "category_id"));`);

    this.addSql(`create table "service_area" ("service_id" uuid not null, "municipality_id" uuid not null, constraint "service_area_pkey" primary key ("service_id", "municipality_id"));`);

    this.addSql(`create table "location" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "organization_id" uuid not null, "name" text null, "address" text null, "municipality_id" uuid not null, "lat" double precision not null, "lng" double precision not null, "accessibility" text null, "opening_hours" text null, "is_demo" boolean not null default false, constraint "location_pkey" primary key ("id"));`);
    this.addSql(`create index "location_organization_id_index" on "location" ("organization_id");`);
    this.addSql(`create index "location_municipality_id_index" on "location" ("municipality_id");`);
    // Spatial index for bbox and near: a GiST index on the site as a geometric point (lng, lat).
    this.addSql(`create index "location_point_gist" on "location" using gist (point("lng", "lat"));`);

    this.addSql(`create table "service_at_location" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "service_id" uuid not null, "location_id" uuid not null, constraint "service_at_location_pkey" primary key ("id"));`);
    this.addSql(`create index "service_at_location_location_id_index" on "service_at_location" ("location_id");`);
    this.addSql(`alter table "service_at_location" add constraint "service_at_location_service_id_location_id_unique" unique ("service_id", "location_id");`);

    this.addSql(`create table "licence" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "organization_id" uuid not null, "issuing_authority" text not null, "number" text not null, "valid_from" date not null, "valid_until" date null, "document_reference" text null, "verification_status" text check ("verification_status" in ('UNVERIFIED', 'VERIFIED')) not null default 'UNVERIFIED', "verified_at" timestamptz null, "is_demo" boolean not null default false, constraint "licence_pkey" primary key ("id"));`);
    this.addSql(`create index "licence_organization_id_index" on "licence" ("organization_id");`);

    this.addSql(`create table "licence_category" ("licence_id" uuid not null, "category_id" uuid not null, constraint "licence_category_pkey" primary key ("licence_id", "category_id"));`);

    this.addSql(`create table "membership" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "organization_id" uuid not null, "role" text check ("role" in ('OWNER', 'EDITOR')) not null default 'EDITOR', constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_organization_id_index" on "membership" ("organization_id");`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_organization_id_unique" unique ("user_id", "organization_id");`);

    this.addSql(`create table "contract" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "authority_id" uuid not null, "provider_id" uuid not null, "title" text null, "modality" text check ("modality" in ('GRANT', 'PUBLIC_PROCUREMENT', 'SOCIAL_SERVICES_CONTRACT', 'SUBSIDY', 'OTHER')) not null, "amount" numeric(14,2) null, "currency" text not null default 'EUR', "start_date" date null, "end_date" date null, "award_date" date null, "reference" text null, "url" text null, "status" text check ("status" in ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')) not null default 'ACTIVE', "recorded_by_id" uuid null, "is_demo" boolean not null default false, constraint "contract_pkey" primary key ("id"));`);
    this.addSql(`create index "contract_authority_id_index" on "contract" ("authority_id");`);
    this.addSql(`create index "contract_provider_id_index" on "contract" ("provider_id");`);
    this.addSql(`create index "contract_award_date_index" on "contract" ("award_date");`);

    this.addSql(`create table "contract_category" ("contract_id" uuid not null, "category_id" uuid not null, constraint "contract_category_pkey" primary key ("contract_id", "category_id"));`);

    this.addSql(`alter table "municipality" add constraint "municipality_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "public_authority" add constraint "public_authority_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "service_category" add constraint "service_category_parent_id_foreign" foreign key ("parent_id") references "service_category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_authority_id_foreign" foreign key ("authority_id") references "public_authority" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "shortlist" add constraint "shortlist_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "revision" add constraint "revision_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "organization" add constraint "organization_verified_by_id_foreign" foreign key ("verified_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "shortlist_entry" add constraint "shortlist_entry_shortlist_id_foreign" foreign key ("shortlist_id") references "shortlist" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "shortlist_entry" add constraint "shortlist_entry_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "service" add constraint "service_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "service_target_group" add constraint "service_target_group_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_target_group" add constraint "service_target_group_target_group_id_foreign" foreign key ("target_group_id") references "target_group" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "service_category_link" add constraint "service_category_link_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_category_link" add constraint "service_category_link_category_id_foreign" foreign key ("category_id") references "service_category" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "service_area" add constraint "service_area_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_area" add constraint "service_area_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "location" add constraint "location_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "location" add constraint "location_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "service_at_location" add constraint "service_at_location_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_at_location" add constraint "service_at_location_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "licence" add constraint "licence_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "licence_category" add constraint "licence_category_licence_id_foreign" foreign key ("licence_id") references "licence" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "licence_category" add constraint "licence_category_category_id_foreign" foreign key ("category_id") references "service_category" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "contract" add constraint "contract_authority_id_foreign" foreign key ("authority_id") references "public_authority" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contract" add constraint "contract_provider_id_foreign" foreign key ("provider_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contract" add constraint "contract_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "contract_category" add constraint "contract_category_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contract_category" add constraint "contract_category_category_id_foreign" foreign key ("category_id") references "service_category" ("id") on update cascade on delete cascade;`);

    // Filters look pivot rows up by the reference side too.
    this.addSql(`create index "service_category_link_category_id_index" on "service_category_link" ("category_id");`);
    this.addSql(`create index "service_target_group_target_group_id_index" on "service_target_group" ("target_group_id");`);
    this.addSql(`create index "service_area_municipality_id_index" on "service_area" ("municipality_id");`);
    this.addSql(`create index "licence_category_category_id_index" on "licence_category" ("category_id");`);
    this.addSql(`create index "contract_category_category_id_index" on "contract_category" ("category_id");`);
    this.addSql(`create index "licence_validity_index" on "licence" ("organization_id", "valid_from", "valid_until");`);
  }

}
