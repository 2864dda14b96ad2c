import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124064939 } from './Migration20261124064939';

/** Every migration, in order. Listed explicitly so they run the same from src (tests) and dist (production). */
export const migrationsList: MigrationObject[] = [{ name: 'Migration20261124064939', class: Migration20261124064939 }];
