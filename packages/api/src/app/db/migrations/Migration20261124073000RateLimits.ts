import { Migration } from '@mikro-orm/migrations';

/**
 * Counters of the request rate limiter when no Redis is configured: shared by every API replica
 * through PostgreSQL. The shape is the one rate-limiter-flexible's RateLimiterPostgres reads.
 */
export class Migration20261124073000RateLimits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);
    this.addSql(`create index if not exists "rate_limit_expire_index" on "rate_limit" ("expire");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit";`);
  }
}
