import { registerEnumType } from 'type-graphql';

export enum OrganizationStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(OrganizationStatus, { name: 'OrganizationStatus' , description: 'Whether an organization operates.', valuesConfig: {
    ACTIVE: { description: 'Operating.' },
    CLOSED: { description: 'Dissolved or closed for good.' },
    INACTIVE: { description: 'Not operating for now (dormant).' },
  } });

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  VERIFIED = 'VERIFIED',
}
registerEnumType(VerificationStatus, { name: 'VerificationStatus' , description: 'Whether a moderator verified a record.', valuesConfig: {
    UNVERIFIED: { description: 'Not verified (new, changed since verification, or withdrawn).' },
    VERIFIED: { description: 'A moderator checked the record against the NGO register and the licences.' },
  } });

export enum LegalForm {
  ASSOCIATION = 'ASSOCIATION',
  FOUNDATION = 'FOUNDATION',
  OTHER = 'OTHER',
}
registerEnumType(LegalForm, { name: 'LegalForm' , description: 'Legal form of an NGO under the Law on Freedom of Association in NGOs.', valuesConfig: {
    ASSOCIATION: { description: 'An association (membership-based).' },
    FOUNDATION: { description: 'A foundation.' },
    OTHER: { description: 'Another form (e.g. a branch of a foreign NGO).' },
  } });

export enum BudgetBand {
  UNDER_10K = 'UNDER_10K',
  FROM_10K_TO_50K = 'FROM_10K_TO_50K',
  FROM_50K_TO_100K = 'FROM_50K_TO_100K',
  FROM_100K_TO_500K = 'FROM_100K_TO_500K',
  OVER_500K = 'OVER_500K',
}
registerEnumType(BudgetBand, { name: 'BudgetBand', description: 'Annual budget band in EUR.' , valuesConfig: {
    FROM_10K_TO_50K: { description: 'From 10,000 EUR to under 50,000 EUR a year.' },
    FROM_50K_TO_100K: { description: 'From 50,000 EUR to under 100,000 EUR a year.' },
    FROM_100K_TO_500K: { description: 'From 100,000 EUR to under 500,000 EUR a year.' },
    OVER_500K: { description: '500,000 EUR a year or more.' },
    UNDER_10K: { description: 'Under 10,000 EUR a year.' },
  } });
