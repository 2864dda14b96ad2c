import { registerEnumType } from 'type-graphql';

export enum OrganizationStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(OrganizationStatus, { name: 'OrganizationStatus' });

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  VERIFIED = 'VERIFIED',
}
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

export enum LegalForm {
  ASSOCIATION = 'ASSOCIATION',
  FOUNDATION = 'FOUNDATION',
  OTHER = 'OTHER',
}
registerEnumType(LegalForm, { name: 'LegalForm' });

export enum BudgetBand {
  UNDER_10K = 'UNDER_10K',
  FROM_10K_TO_50K = 'FROM_10K_TO_50K',
  FROM_50K_TO_100K = 'FROM_50K_TO_100K',
  FROM_100K_TO_500K = 'FROM_100K_TO_500K',
  OVER_500K = 'OVER_500K',
}
registerEnumType(BudgetBand, { name: 'BudgetBand', description: 'Annual budget band in EUR.' });
