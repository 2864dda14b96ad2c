import { defineEnum, type EnumValue } from '../core/enums';

export type ServiceStatus = EnumValue<typeof ServiceStatus>;
export const ServiceStatus = defineEnum('ServiceStatus', 'Whether a service is offered.', {
  ACTIVE: 'Offered now; only active services count in search, coverage and contractable.',
  INACTIVE: 'Not offered now.',
});

export type ServiceFee = EnumValue<typeof ServiceFee>;
export const ServiceFee = defineEnum('ServiceFee', 'Whether users pay for a service.', {
  FREE: 'Free of charge.',
  FEE: 'A fixed fee.',
  SLIDING_SCALE: 'A fee that depends on income.',
});
