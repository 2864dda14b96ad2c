import { defineEnum, type EnumValue } from '../core/enums';

export type ContractModality = EnumValue<typeof ContractModality>;
export const ContractModality = defineEnum('ContractModality', 'How a public authority contracts a service from a civil-society organization.', {
  GRANT: 'A grant (call for proposals).',
  PUBLIC_PROCUREMENT: 'A contract under the Law on Public Procurement.',
  SOCIAL_SERVICES_CONTRACT: 'Service contract under the social and family services framework.',
  SUBSIDY: 'A subsidy (e.g. per user or per place).',
  OTHER: 'Any other arrangement.',
});

export type ContractStatus = EnumValue<typeof ContractStatus>;
export const ContractStatus = defineEnum('ContractStatus', 'Where a contract stands, as the officer recorded it.', {
  PLANNED: 'Planned or announced; not signed yet.',
  ACTIVE: 'Signed and running.',
  COMPLETED: 'Ended as agreed.',
  CANCELLED: 'Cancelled before or during its period.',
});
