import { derivedId } from './hsds-ids';
import type { HsdsObject, RevisionRecord } from './hsds-records';

/** The constants, formats and revision metadata of the HSDS mapping (hsds-mapping.ts), shared with the parser and the import. */

/** Appended to the description of a demo organization, so that every HSDS reader sees it. */
export const DEMO_NOTE = '[Demo data: a fictional organization generated for demonstration, not a real record.]';
export const HSDS_COUNTRY = 'XK';
export const MUNICIPALITY_URN = 'urn:civimap:municipality:';
/** The reason of a revision written by the HSDS import for a metadata entry by a person civimap does not know. */
export const IMPORTED_AUTHOR_PREFIX = 'HSDS import; updated by: ';
export const SYSTEM_AUTHOR = 'civimap';

export const FEE_DESCRIPTIONS: Record<string, string> = {
  FREE: 'Free of charge.',
  FEE: 'A fee is charged.',
  SLIDING_SCALE: 'Sliding-scale fee, depending on income.',
};

export const FUNDING_SOURCES = [
  { key: 'public', label: 'Public sources', field: 'fundingPublicPct' },
  { key: 'foreign', label: 'Foreign donors', field: 'fundingForeignPct' },
  { key: 'own', label: 'Own revenue', field: 'fundingOwnPct' },
  { key: 'other', label: 'Other', field: 'fundingOtherPct' },
] as const;

export const LANGUAGE_NAMES: Record<string, string> = {
  sq: 'Albanian',
  sr: 'Serbian',
  en: 'English',
  tr: 'Turkish',
  bs: 'Bosnian',
  rom: 'Romani',
  de: 'German',
  mk: 'Macedonian',
  hr: 'Croatian',
  sgn: 'Sign language',
};

// The "email" format of ajv-formats, so that what we emit validates wherever HSDS is checked.
export const HSDS_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function isHsdsEmail(value: string): boolean {
  return HSDS_EMAIL.test(value);
}

/** An absolute http(s) URL in plain ASCII (what the "uri" format accepts). */
export function isHsdsUrl(value: string): boolean {
  if (!/^https?:\/\/[\x21-\x7e]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const iso = (date: Date) => date.toISOString();

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Entity type names a revision may carry for the entities HSDS shows (the import writes the first of each). */
export const RECORD_ENTITY_TYPES = ['Organization', 'organization', 'Service', 'service', 'Location', 'location', 'ServiceAtLocation', 'service_at_location'];

export type ResourceType = 'organization' | 'service' | 'location' | 'service_at_location';

/** Revisions grouped by the id of the entity they changed. */
export function revisionsByEntity(revisions: RevisionRecord[]): Map<string, RevisionRecord[]> {
  const map = new Map<string, RevisionRecord[]>();
  for (const revision of revisions) {
    const list = map.get(revision.entityId) ?? [];
    list.push(revision);
    map.set(revision.entityId, list);
  }
  return map;
}

export const creationMetadataId = (resourceId: string) => derivedId(resourceId, 'metadata:created');
export const changeMetadataId = (revisionId: string, index: number) => (index === 0 ? revisionId : derivedId(revisionId, `metadata:change:${index}`));

export function authorOf(revision: RevisionRecord): string {
  if (revision.authorName) return revision.authorName;
  if (revision.reason?.startsWith(IMPORTED_AUTHOR_PREFIX)) return revision.reason.slice(IMPORTED_AUTHOR_PREFIX.length);
  return SYSTEM_AUTHOR;
}

/**
 * The change log of one object: one entry per changed field of each revision (the first entry of a
 * revision carries the revision's id), or, for an object without revisions, one "create" entry at
 * its creation time.
 */
export function metadataEntries(resourceType: ResourceType, resourceId: string, createdAt: Date, revisions: RevisionRecord[]): HsdsObject[] {
  if (!revisions.length) {
    return [
      {
        id: creationMetadataId(resourceId),
        resource_id: resourceId,
        resource_type: resourceType,
        last_action_date: iso(createdAt),
        last_action_type: 'create',
        field_name: '',
        previous_value: '',
        replacement_value: '',
        updated_by: SYSTEM_AUTHOR,
      },
    ];
  }
  const entries: HsdsObject[] = [];
  for (const revision of revisions) {
    const changes = revision.changes.length ? revision.changes : [{ field: '', old: null, new: null }];
    changes.forEach((change, index) => {
      entries.push({
        id: changeMetadataId(revision.id, index),
        resource_id: resourceId,
        resource_type: resourceType,
        last_action_date: iso(revision.createdAt),
        last_action_type: revision.action.toLowerCase(),
        field_name: change.field ?? '',
        previous_value: valueText(change.old),
        replacement_value: valueText(change.new),
        updated_by: authorOf(revision),
      });
    });
  }
  return entries;
}
