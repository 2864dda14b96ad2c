import { Migration } from '@mikro-orm/migrations';

/**
 * Registration confirms the address (issue 11, finding 9): `app_user.email_confirmed_at` (null: the
 * account cannot sign in yet) and the single-use `email_confirmation_token`. Every account that
 * exists already was made by someone the old flow let in, so they all count as confirmed.
 */
export class Migration20261202010000EmailConfirmation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "email_confirmed_at" timestamptz null;`);
    this.addSql(`update "app_user" set "email_confirmed_at" = "created_at";`);
    this.addSql(`create table "email_confirmation_token" ("id" uuid not null, "token_hash" text not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "user_id" uuid not null, "used_at" timestamptz null, constraint "email_confirmation_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "email_confirmation_token" add constraint "email_confirmation_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "email_confirmation_token_user_id_index" on "email_confirmation_token" ("user_id");`);
    this.addSql(`alter table "email_confirmation_token" add constraint "email_confirmation_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_confirmation_token" cascade;`);
    this.addSql(`alter table "app_user" drop column if exists "email_confirmed_at";`);
  }
}
