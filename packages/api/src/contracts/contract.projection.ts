import type { TypeProjection } from '../core/projection';

/** Organization.contracts is resolved by its loader from the organization's id (core/projection.ts). */
export const contractProjections: TypeProjection[] = [{ type: 'Organization', fields: { contracts: {} } }];
