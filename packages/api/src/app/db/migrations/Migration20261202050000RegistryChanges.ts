import { Migration } from '@mikro-orm/migrations';
import { REGISTRY_CHANGED_FUNCTION_SQL, WATCH_REGISTRY_TABLES_SQL } from '../../cache/registry-changes';

/**
 * Writes notify `civimap_registry` when they commit (app/cache/registry-changes.ts): the API's
 * response caches of every process listen and drop what they hold. The trigger goes on every table
 * but the few whose writes change no public answer; tables added later get it when the server or the
 * migrate job runs after migrations.
 */
export class Migration20261202050000RegistryChanges extends Migration {
  override async up(): Promise<void> {
    this.addSql(REGISTRY_CHANGED_FUNCTION_SQL);
    this.addSql(WATCH_REGISTRY_TABLES_SQL);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists civimap_registry_changed() cascade;`);
  }
}
