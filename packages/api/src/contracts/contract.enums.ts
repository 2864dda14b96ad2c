import { registerEnumType } from 'type-graphql';

export enum ContractModality {
  GRANT = 'GRANT',
  PUBLIC_PROCUREMENT = 'PUBLIC_PROCUREMENT',
  SOCIAL_SERVICES_CONTRACT = 'SOCIAL_SERVICES_CONTRACT',
  SUBSIDY = 'SUBSIDY',
  OTHER = 'OTHER',
}
registerEnumType(ContractModality, {
  name: 'ContractModality',
  valuesConfig: { SOCIAL_SERVICES_CONTRACT: { description: 'Service contract under the social and family services framework.' } },
});

export enum ContractStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ContractStatus, { name: 'ContractStatus' });
