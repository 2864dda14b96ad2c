import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../core/sql';
import { foldName } from '../geography/boundaries-import';
import type { HsdsIssue, ParsedHsdsOrganization } from '../hsds/hsds-parse';

type Issue = HsdsIssue & { line: number };
const ID_CHUNK = 5000;

/**
 * The clashes of an HSDS import's records with the registry and with each other: ids already used
 * (by any kind of record), registration numbers, and a name already having a site in the same
 * municipality. Lines are checked in file order; the first line to use an id, number or name keeps it.
 */
export class RegistryClashes {
  private readonly seenIds = new Map<string, number>();
  private readonly seenRegistration = new Map<string, number>();
  private readonly seenNameAndPlace = new Map<string, number>();

  private constructor(
    /** Id → the kind of registry record that uses it. */
    private readonly existing: Map<string, string>,
    private readonly byRegistration: Map<string, string>,
    /** "folded name|municipality id" → the registry organization. */
    private readonly byNameAndPlace: Map<string, string>,
  ) {}

  /** Reads the registry's ids among the records' ids, and every organization's registration number and site municipalities. */
  static async load(em: EntityManager, parsed: ParsedHsdsOrganization[]): Promise<RegistryClashes> {
    const allIds = [...new Set(parsed.flatMap((p) => p.ids.map((i) => i.id)))];
    const existing = new Map<string, string>();
    for (let start = 0; start < allIds.length; start += ID_CHUNK) {
      const chunk = pgArray(allIds.slice(start, start + ID_CHUNK));
      const rows: { id: string; kind: string }[] = await em.execute(
        `select id::text, 'organization' as kind from organization where id = any(?::uuid[])
         union all select id::text, 'service' from service where id = any(?::uuid[])
         union all select id::text, 'location' from location where id = any(?::uuid[])
         union all select id::text, 'service_at_location' from service_at_location where id = any(?::uuid[])
         union all select id::text, 'revision' from revision where id = any(?::uuid[])`,
        [chunk, chunk, chunk, chunk, chunk],
      );
      for (const row of rows) existing.set(row.id, row.kind);
    }
    const registry: { id: string; registration_number: string | null; name_sq: string; municipality_ids: string[] }[] = await em.execute(
      `select o.id, o.registration_number, o.name_sq, array(select distinct l.municipality_id::text from location l where l.organization_id = o.id) as municipality_ids from organization o`,
    );
    const byRegistration = new Map(registry.filter((e) => e.registration_number).map((e) => [e.registration_number!.trim().toLowerCase(), e.id]));
    const byNameAndPlace = new Map<string, string>();
    for (const e of registry) for (const m of e.municipality_ids) byNameAndPlace.set(`${foldName(e.name_sq)}|${m}`, e.id);
    return new RegistryClashes(existing, byRegistration, byNameAndPlace);
  }

  /**
   * Adds the line's clashes to its errors and warnings and returns the registry organization it
   * duplicates, if any; then remembers what the line uses, for the lines after it.
   */
  check(line: number, parsed: ParsedHsdsOrganization, errors: Issue[], warnings: Issue[]): string | undefined {
    const organization = parsed.bundle.organization;
    let duplicateOf: string | undefined;
    if (this.existing.get(organization.id) === 'organization') {
      // The organization is in the registry already (its services and sites with it): one duplicate, not a list of clashes.
      duplicateOf = organization.id;
      errors.push({ line, path: 'id', code: 'DUPLICATE_ID', message: `The organization ${organization.id} is already in the registry.` });
    }
    for (const { id, path } of duplicateOf ? [] : parsed.ids) {
      const kind = this.existing.get(id);
      if (kind) {
        errors.push({ line, path, code: 'ID_EXISTS', message: `The id ${id} is already used by a ${kind.replace(/_/g, ' ')} in the registry.` });
      } else if (this.seenIds.has(id)) {
        errors.push({ line, path, code: 'DUPLICATE_IN_FILE', message: `The id ${id} is also used on line ${this.seenIds.get(id)}.` });
      }
    }
    const registration = organization.registrationNumber?.trim().toLowerCase();
    if (!duplicateOf && registration && this.byRegistration.has(registration)) {
      duplicateOf = this.byRegistration.get(registration);
      errors.push({ line, path: 'organization_identifiers', code: 'DUPLICATE_REGISTRATION', message: `An organization with registration number ${organization.registrationNumber} is already in the registry (${duplicateOf}).` });
    } else if (registration && this.seenRegistration.has(registration)) {
      errors.push({ line, path: 'organization_identifiers', code: 'DUPLICATE_IN_FILE', message: `Registration number ${organization.registrationNumber} is also on line ${this.seenRegistration.get(registration)}.` });
    }
    const places = parsed.municipalityIds.map((m) => `${foldName(organization.names.sq)}|${m}`);
    for (const key of places) {
      if (!duplicateOf && this.byNameAndPlace.has(key)) {
        duplicateOf = this.byNameAndPlace.get(key);
        errors.push({ line, path: 'name', code: 'DUPLICATE_NAME', message: `An organization named "${organization.names.sq}" already has a site in the same municipality (${duplicateOf}).` });
      } else if (this.seenNameAndPlace.has(key) && !warnings.some((w) => w.code === 'POSSIBLE_DUPLICATE_IN_FILE')) {
        // Two records with their own ids may be two organizations of one name in one town: the operator decides.
        warnings.push({ line, path: 'name', code: 'POSSIBLE_DUPLICATE_IN_FILE', message: `An organization of the same name with a site in the same municipality is on line ${this.seenNameAndPlace.get(key)}; both are imported.` });
      }
    }
    for (const { id } of parsed.ids) if (!this.seenIds.has(id)) this.seenIds.set(id, line);
    if (registration && !this.seenRegistration.has(registration)) this.seenRegistration.set(registration, line);
    for (const key of places) if (!this.seenNameAndPlace.has(key)) this.seenNameAndPlace.set(key, line);
    return duplicateOf;
  }
}
