import { Migration } from '@mikro-orm/migrations';

/** Ordering by Serbian or English names (with the Albanian name where one is missing) pages through an index too. */
export class Migration20261124074500NameOrder extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists "organization_name_sr_order_index" on "organization" ((coalesce("name_sr", "name_sq")), "id");`);
    this.addSql(`create index if not exists "organization_name_en_order_index" on "organization" ((coalesce("name_en", "name_sq")), "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "organization_name_sr_order_index";`);
    this.addSql(`drop index if exists "organization_name_en_order_index";`);
  }
}
