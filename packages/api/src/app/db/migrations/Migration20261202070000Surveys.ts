import { Migration } from '@mikro-orm/migrations';

/**
 * The mapping survey (issue 15): waves, the organizations each wave asks (with their registry
 * breakdown when it opened), in-app notices, one response per organization per wave (the unique key
 * holds under concurrent submits), and the cache of computed results by wave generation.
 */
export class Migration20261202070000Surveys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "survey_wave" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "year" int not null, "title_sq" text not null, "title_sr" text null, "title_en" text null, "questionnaire_version" text not null, "opens_on" date not null, "closes_on" date not null, "closed_at" timestamptz null, "audience" jsonb not null default '{}', "created_by_id" uuid null, "last_reminded_at" timestamptz null, "results_generation" int not null default 0, "is_demo" boolean not null default false, constraint "survey_wave_pkey" primary key ("id"), constraint "survey_wave_dates_check" check ("opens_on" <= "closes_on"));`);
    this.addSql(`create index "survey_wave_year_index" on "survey_wave" ("year");`);
    this.addSql(`alter table "survey_wave" add constraint "survey_wave_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "survey_invitation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "wave_id" uuid not null, "organization_id" uuid not null, "region_code" text null, "municipality_code" text null, "category_codes" text[] not null default '{}', "target_group_codes" text[] not null default '{}', "legal_form" text not null, "reminders" int not null default 0, constraint "survey_invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_invitation_organization_id_index" on "survey_invitation" ("organization_id");`);
    this.addSql(`alter table "survey_invitation" add constraint "survey_invitation_wave_id_organization_id_unique" unique ("wave_id", "organization_id");`);
    this.addSql(`alter table "survey_invitation" add constraint "survey_invitation_wave_id_foreign" foreign key ("wave_id") references "survey_wave" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_invitation" add constraint "survey_invitation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "survey_notice" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "wave_id" uuid not null, "organization_id" uuid not null, "kind" text check ("kind" in ('INVITATION', 'REMINDER')) not null, "read_at" timestamptz null, constraint "survey_notice_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_notice_user_id_created_at_index" on "survey_notice" ("user_id", "created_at");`);
    this.addSql(`alter table "survey_notice" add constraint "survey_notice_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_notice" add constraint "survey_notice_wave_id_foreign" foreign key ("wave_id") references "survey_wave" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_notice" add constraint "survey_notice_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "survey_response" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "wave_id" uuid not null, "organization_id" uuid not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED')) not null default 'DRAFT', "answers" jsonb not null default '{}', "budget_band" text null, "submitted_at" timestamptz null, "submitted_by_id" uuid null, "updated_by_id" uuid null, constraint "survey_response_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_response_organization_id_index" on "survey_response" ("organization_id");`);
    this.addSql(`create index "survey_response_wave_id_status_index" on "survey_response" ("wave_id", "status");`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_wave_id_organization_id_unique" unique ("wave_id", "organization_id");`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_wave_id_foreign" foreign key ("wave_id") references "survey_wave" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    // Not an entity: written and read by surveys/results-cache.ts only.
    this.addSql(`create table "survey_result_cache" ("wave_id" uuid not null references "survey_wave" ("id") on delete cascade, "cache_key" text not null, "generation" int not null, "payload" jsonb not null, "computed_at" timestamptz not null default now(), constraint "survey_result_cache_pkey" primary key ("wave_id", "cache_key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "survey_result_cache" cascade;`);
    this.addSql(`drop table if exists "survey_response" cascade;`);
    this.addSql(`drop table if exists "survey_notice" cascade;`);
    this.addSql(`drop table if exists "survey_invitation" cascade;`);
    this.addSql(`drop table if exists "survey_wave" cascade;`);
  }
}
