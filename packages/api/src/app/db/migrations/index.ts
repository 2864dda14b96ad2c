import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124064939 } from './Migration20261124064939';
import { Migration20261124070744Accounts } from './Migration20261124070744Accounts';
import { Migration20261124073000RateLimits } from './Migration20261124073000RateLimits';
import { Migration20261124074500NameOrder } from './Migration20261124074500NameOrder';
import { Migration20261124080000ImportJobs } from './Migration20261124080000ImportJobs';
import { Migration20261201100000SearchIndexes } from './Migration20261201100000SearchIndexes';
import { Migration20261202010000EmailConfirmation } from './Migration20261202010000EmailConfirmation';
import { Migration20261202020000RaceGuards } from './Migration20261202020000RaceGuards';
import { Migration20261202021000OrganizationMerges } from './Migration20261202021000OrganizationMerges';
import { Migration20261202040000Boundaries } from './Migration20261202040000Boundaries';
import { Migration20261202050000RegistryChanges } from './Migration20261202050000RegistryChanges';
import { Migration20261202070000Surveys } from './Migration20261202070000Surveys';
import { Migration20261202080000CoverageSummary } from './Migration20261202080000CoverageSummary';
import { Migration20261202081000ServiceReach } from './Migration20261202081000ServiceReach';
import { Migration20261202090400HsdsSql } from './Migration20261202090400HsdsSql';
import { Migration20261202091400HsdsDocuments } from './Migration20261202091400HsdsDocuments';
import { Migration20261203400000OrganizationNumbers } from './Migration20261203400000OrganizationNumbers';
import { Migration20261204100000SiteBands } from './Migration20261204100000SiteBands';
import { Migration20261204110000LicenceCover } from './Migration20261204110000LicenceCover';

/** Every migration, in order. Listed explicitly so they run the same from src (tests) and dist (production). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124064939', class: Migration20261124064939 },
  { name: 'Migration20261124070744Accounts', class: Migration20261124070744Accounts },
  { name: 'Migration20261124073000RateLimits', class: Migration20261124073000RateLimits },
  { name: 'Migration20261124074500NameOrder', class: Migration20261124074500NameOrder },
  { name: 'Migration20261124080000ImportJobs', class: Migration20261124080000ImportJobs },
  { name: 'Migration20261201100000SearchIndexes', class: Migration20261201100000SearchIndexes },
  { name: 'Migration20261202010000EmailConfirmation', class: Migration20261202010000EmailConfirmation },
  { name: 'Migration20261202020000RaceGuards', class: Migration20261202020000RaceGuards },
  { name: 'Migration20261202021000OrganizationMerges', class: Migration20261202021000OrganizationMerges },
  { name: 'Migration20261202040000Boundaries', class: Migration20261202040000Boundaries },
  { name: 'Migration20261202050000RegistryChanges', class: Migration20261202050000RegistryChanges },
  { name: 'Migration20261202070000Surveys', class: Migration20261202070000Surveys },
  { name: 'Migration20261202080000CoverageSummary', class: Migration20261202080000CoverageSummary },
  { name: 'Migration20261202081000ServiceReach', class: Migration20261202081000ServiceReach },
  { name: 'Migration20261202090400HsdsSql', class: Migration20261202090400HsdsSql },
  { name: 'Migration20261202091400HsdsDocuments', class: Migration20261202091400HsdsDocuments },
  { name: 'Migration20261203400000OrganizationNumbers', class: Migration20261203400000OrganizationNumbers },
  { name: 'Migration20261204100000SiteBands', class: Migration20261204100000SiteBands },
  { name: 'Migration20261204110000LicenceCover', class: Migration20261204110000LicenceCover },
];
