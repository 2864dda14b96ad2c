import { Migration } from '@mikro-orm/migrations';

/** Import jobs: the validation report and the commit's progress, visible to every replica. */
export class Migration20261124080000ImportJobs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "import_job" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "kind" text check ("kind" in ('CSV', 'HSDS')) not null, "status" text check ("status" in ('VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED')) not null, "created_by_id" uuid not null, "filename" text null, "content" text null, "total" int not null default 0, "processed" int not null default 0, "report" jsonb null, "written" jsonb null, "error" text null, "finished_at" timestamptz null, constraint "import_job_pkey" primary key ("id"));`);
    this.addSql(`create index "import_job_created_by_id_created_at_index" on "import_job" ("created_by_id", "created_at");`);
    this.addSql(`alter table "import_job" add constraint "import_job_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_job" cascade;`);
  }
}
