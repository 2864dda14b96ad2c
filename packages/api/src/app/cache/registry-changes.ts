import type { EntityManager } from '@mikro-orm/postgresql';

/** The channel every write to the registry's tables notifies, once per transaction, when it commits. */
export const REGISTRY_CHANNEL = 'civimap_registry';

/**
 * Tables whose writes change no public answer: sessions (last seen), rate-limit counters, the mail
 * outbox, password-reset and e-mail confirmation tokens, import-job progress, the migrations log, and
 * survey results already stored under their wave's generation (the generation itself lives in
 * survey_wave, which is watched), and the stored HSDS documents with their generations (built from
 * watched tables, by writes to them or after an export: storing one changes no answer).
 * Every other table of the schema is watched, including those later migrations add.
 */
export const UNWATCHED_TABLES = [
  'mikro_orm_migrations',
  'user_session',
  'rate_limit',
  'outbox_message',
  'password_reset_token',
  'email_confirmation_token',
  'import_job',
  'survey_result_cache',
  'hsds_document',
  'hsds_document_generation',
] as const;

/**
 * A statement-level trigger function: PostgreSQL delivers the notification when (and only if) the
 * writer's transaction commits, and collapses a transaction's identical notifications into one; so
 * every write path (editing, revert, merges, imports, demo data, survey waves, a psql session) is
 * covered without any of them knowing about caches.
 */
export const REGISTRY_CHANGED_FUNCTION_SQL = `create or replace function civimap_registry_changed() returns trigger
  language plpgsql as $$ begin perform pg_notify('${REGISTRY_CHANNEL}', ''); return null; end $$;`;

/** Gives every watched table of the current schema that lacks it the trigger (no lock is taken on tables that have it). */
export const WATCH_REGISTRY_TABLES_SQL = `do $$
declare t record;
begin
  for t in
    select c.relname from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      and c.relname not in (${UNWATCHED_TABLES.map((name) => `'${name}'`).join(', ')})
      and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'civimap_registry_changed')
  loop
    execute format('create trigger civimap_registry_changed after insert or update or delete or truncate on %I
      for each statement execute function civimap_registry_changed()', t.relname);
  end loop;
end $$;`;

/** Run after migrations (server start, the migrate job): tables that migrations added get the trigger. */
export async function watchRegistryTables(em: EntityManager): Promise<void> {
  await em.getConnection().execute(WATCH_REGISTRY_TABLES_SQL);
}
