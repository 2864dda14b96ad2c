import { createHash } from 'node:crypto';

/** The namespace of every id civimap derives for HSDS objects that have no row of their own. */
export const CIVIMAP_HSDS_NAMESPACE = '3b0f8d64-5a0e-4c55-9a4b-6f1f0b7c2e11';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same namespace and name always give the same id. */
export function uuidV5(namespace: string, name: string): string {
  if (!isUuid(namespace)) throw new Error(`uuidV5: namespace is not a UUID: ${namespace}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of an HSDS object that hangs off a civimap row (an address, a language, a service area,
 * an attribute, a metadata entry): derived from the owner's id and a key, so that every export, and
 * every export after an import, gives the same id.
 */
export function derivedId(ownerId: string, key: string): string {
  return uuidV5(ownerId.toLowerCase(), key);
}

/** A stable id for a civimap-wide object (a taxonomy, a taxonomy term), the same in every database. */
export function civimapId(key: string): string {
  let id = civimapIds.get(key);
  if (!id) civimapIds.set(key, (id = uuidV5(CIVIMAP_HSDS_NAMESPACE, key)));
  return id;
}

/** A few hundred keys (taxonomies and terms), asked for in every mapped record. */
const civimapIds = new Map<string, string>();
