import { registerEnumType } from 'type-graphql';

export enum ServiceStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}
registerEnumType(ServiceStatus, { name: 'ServiceStatus' });

export enum ServiceFee {
  FREE = 'FREE',
  FEE = 'FEE',
  SLIDING_SCALE = 'SLIDING_SCALE',
}
registerEnumType(ServiceFee, { name: 'ServiceFee' });
