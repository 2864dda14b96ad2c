import type { TypeProjection } from '../core/projection';

/** Members and the viewer's permissions are resolved per request from the organization's id (core/projection.ts). */
export const accountProjections: TypeProjection[] = [{ type: 'Organization', fields: { members: {}, viewerPermissions: {} } }];
