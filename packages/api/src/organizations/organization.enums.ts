import { defineEnum, type EnumValue } from '../core/enums';

export type OrganizationStatus = EnumValue<typeof OrganizationStatus>;
export const OrganizationStatus = defineEnum('OrganizationStatus', 'Whether an organization operates.', {
  ACTIVE: 'Operating.',
  INACTIVE: 'Not operating for now (dormant).',
  CLOSED: 'Dissolved or closed for good.',
});

export type VerificationStatus = EnumValue<typeof VerificationStatus>;
export const VerificationStatus = defineEnum('VerificationStatus', 'Whether a moderator verified a record.', {
  UNVERIFIED: 'Not verified (new, changed since verification, or withdrawn).',
  VERIFIED: 'A moderator checked the record against the NGO register and the licences.',
});

export type LegalForm = EnumValue<typeof LegalForm>;
export const LegalForm = defineEnum('LegalForm', 'Legal form of an NGO under the Law on Freedom of Association in NGOs.', {
  ASSOCIATION: 'An association (membership-based).',
  FOUNDATION: 'A foundation.',
  OTHER: 'Another form (e.g. a branch of a foreign NGO).',
});

export type BudgetBand = EnumValue<typeof BudgetBand>;
export const BudgetBand = defineEnum('BudgetBand', 'Annual budget band in EUR.', {
  UNDER_10K: 'Under 10,000 EUR a year.',
  FROM_10K_TO_50K: 'From 10,000 EUR to under 50,000 EUR a year.',
  FROM_50K_TO_100K: 'From 50,000 EUR to under 100,000 EUR a year.',
  FROM_100K_TO_500K: 'From 100,000 EUR to under 500,000 EUR a year.',
  OVER_500K: '500,000 EUR a year or more.',
});
