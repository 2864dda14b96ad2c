import { Migration } from '@mikro-orm/migrations';

/**
 * Uniqueness the database enforces, so concurrent writes cannot create what a check-then-insert
 * would let through (issue 11): one organization per registration number (trimmed, any case, where
 * given), one contract per (authority, reference) where a reference is given, one per (authority,
 * idempotency key) the web form sends, one pending claim per claimant and organization.
 *
 * Duplicates already present stop the migration with a message naming them: merging organizations
 * or contracts is a human decision. Duplicate pending claims are closed (the oldest stays pending).
 */
export class Migration20261202020000RaceGuards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$
      declare found text;
      begin
        select string_agg(k, ', ') into found from (
          select lower(btrim(registration_number)) as k from organization
           where registration_number is not null and btrim(registration_number) <> ''
           group by 1 having count(*) > 1 limit 20) d;
        if found is not null then
          raise exception 'Organizations share registration numbers (%): merge or correct them, then migrate again.', found;
        end if;
        select string_agg(k, ', ') into found from (
          select reference as k from contract where reference is not null group by authority_id, reference having count(*) > 1 limit 20) d;
        if found is not null then
          raise exception 'Contracts of one authority share references (%): correct them, then migrate again.', found;
        end if;
      end $$;`);
    this.addSql(`create unique index "organization_registration_number_unique" on "organization" (lower(btrim("registration_number"))) where "registration_number" is not null and btrim("registration_number") <> '';`);
    this.addSql(`alter table "contract" add column "idempotency_key" text null;`);
    this.addSql(`create unique index "contract_authority_reference_unique" on "contract" ("authority_id", "reference") where "reference" is not null;`);
    this.addSql(`create unique index "contract_authority_idempotency_key_unique" on "contract" ("authority_id", "idempotency_key") where "idempotency_key" is not null;`);
    this.addSql(`update "organization_claim" set "status" = 'REJECTED', "decided_at" = now(), "reason" = 'Closed as a duplicate of an earlier pending claim.'
      where "id" in (select "id" from (select "id", row_number() over (partition by "organization_id", "claimant_id" order by "created_at", "id") as n
                                        from "organization_claim" where "status" = 'PENDING') d where n > 1);`);
    this.addSql(`create unique index "organization_claim_pending_unique" on "organization_claim" ("organization_id", "claimant_id") where "status" = 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "organization_claim_pending_unique";`);
    this.addSql(`drop index if exists "contract_authority_idempotency_key_unique";`);
    this.addSql(`drop index if exists "contract_authority_reference_unique";`);
    this.addSql(`alter table "contract" drop column if exists "idempotency_key";`);
    this.addSql(`drop index if exists "organization_registration_number_unique";`);
  }
}
