import { Migration } from '@mikro-orm/migrations';

/** Accounts: sessions, password reset tokens, claims, invitations and the development mail outbox. */
export class Migration20261124070744Accounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_message" ("id" uuid not null, "created_at" timestamptz not null default now(), "recipient" text not null, "kind" text not null, "subject" text not null, "body" text not null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_message_recipient_created_at_index" on "outbox_message" ("recipient", "created_at");`);

    this.addSql(`create table "user_session" ("id" uuid not null, "user_id" uuid not null, "token_hash" text not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "last_seen_at" timestamptz not null default now(), "user_agent" text null, constraint "user_session_pkey" primary key ("id"));`);
    this.addSql(`create index "user_session_user_id_index" on "user_session" ("user_id");`);
    this.addSql(`alter table "user_session" add constraint "user_session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "user_session_expires_at_index" on "user_session" ("expires_at");`);

    this.addSql(`create table "password_reset_token" ("id" uuid not null, "user_id" uuid not null, "token_hash" text not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "password_reset_token_pkey" primary key ("id"));`);
    this.addSql(`create index "password_reset_token_user_id_index" on "password_reset_token" ("user_id");`);
    this.addSql(`alter table "password_reset_token" add constraint "password_reset_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "organization_claim" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organization_id" uuid not null, "claimant_id" uuid not null, "message" text not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', "decided_by_id" uuid null, "decided_at" timestamptz null, "reason" text null, constraint "organization_claim_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_claim_organization_id_index" on "organization_claim" ("organization_id");`);
    this.addSql(`create index "organization_claim_claimant_id_index" on "organization_claim" ("claimant_id");`);
    this.addSql(`create index "organization_claim_status_created_at_index" on "organization_claim" ("status", "created_at");`);

    this.addSql(`create table "invitation" ("id" uuid not null, "organization_id" uuid not null, "email" text not null, "role" text check ("role" in ('OWNER', 'EDITOR')) not null, "invited_by_id" uuid null, "token_hash" text not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_by_id" uuid null, constraint "invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "invitation_organization_id_index" on "invitation" ("organization_id");`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "password_reset_token" add constraint "password_reset_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "organization_claim" add constraint "organization_claim_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organization_claim" add constraint "organization_claim_claimant_id_foreign" foreign key ("claimant_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organization_claim" add constraint "organization_claim_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "invitation" add constraint "invitation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "invitation" add constraint "invitation_accepted_by_id_foreign" foreign key ("accepted_by_id") references "app_user" ("id") on update cascade on delete set null;`);





  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "user_session" cascade;`);

    this.addSql(`drop table if exists "password_reset_token" cascade;`);

    this.addSql(`drop table if exists "organization_claim" cascade;`);

    this.addSql(`drop table if exists "invitation" cascade;`);





  }

}
