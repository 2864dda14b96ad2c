/**
 * The editing write services: each mutation validates its whole input, writes all or nothing in one
 * transaction and records a revision. The steps they share are in write-steps.ts and
 * record-change.ts; each entity's rules in its own file.
 */
export type { EditContext } from './edit-context';
export { type AuditInfo, applyAndRecord, recordChange } from './record-change';
export { checkVersion, loadForWrite, loadOrganization } from './write-steps';
export { createOrganizationRecord, organizationPatch, updateOrganization } from './organization-editing';
export { createService, deleteService, updateService } from './service-editing';
export { createLocation, deleteLocation, updateLocation } from './location-editing';
export { createLicence, updateLicence } from './licence-editing';
