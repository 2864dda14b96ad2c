import { registerEnumType } from 'type-graphql';

export enum ServiceStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}
registerEnumType(ServiceStatus, { name: 'ServiceStatus' , description: 'Whether a service is offered.', valuesConfig: {
    ACTIVE: { description: 'Offered now; only active services count in search, coverage and contractable.' },
    INACTIVE: { description: 'Not offered now.' },
  } });

export enum ServiceFee {
  FREE = 'FREE',
  FEE = 'FEE',
  SLIDING_SCALE = 'SLIDING_SCALE',
}
registerEnumType(ServiceFee, { name: 'ServiceFee' , description: 'Whether users pay for a service.', valuesConfig: {
    FEE: { description: 'A fixed fee.' },
    FREE: { description: 'Free of charge.' },
    SLIDING_SCALE: { description: 'A fee that depends on income.' },
  } });
