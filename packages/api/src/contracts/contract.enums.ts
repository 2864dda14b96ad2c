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
  valuesConfig: {
    GRANT: { description: 'A grant (call for proposals).' },
    PUBLIC_PROCUREMENT: { description: 'A contract under the Law on Public Procurement.' },
    SOCIAL_SERVICES_CONTRACT: { description: 'Service contract under the social and family services framework.' },
    SUBSIDY: { description: 'A subsidy (e.g. per user or per place).' },
    OTHER: { description: 'Any other arrangement.' },
  },
  description: 'How a public authority contracts a service from a civil-society organization.' });

export enum ContractStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ContractStatus, { name: 'ContractStatus' , description: 'Where a contract stands, as the officer recorded it.', valuesConfig: {
    ACTIVE: { description: 'Signed and running.' },
    CANCELLED: { description: 'Cancelled before or during its period.' },
    COMPLETED: { description: 'Ended as agreed.' },
    PLANNED: { description: 'Planned or announced; not signed yet.' },
  } });
