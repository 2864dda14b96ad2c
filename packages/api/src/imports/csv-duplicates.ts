import type { EntityManager } from '@mikro-orm/postgresql';
import { foldName } from '../geography/boundaries-import';
import type { Municipality } from '../geography/municipality.entity';
import type { CsvRowReader } from './csv-row-reader';

/**
 * Duplicate detection for a CSV import: a row is the same organization as one in the registry (by
 * registration number, or by folded name with a site in the same municipality) or as an earlier line
 * of the file.
 */
export class CsvDuplicates {
  private readonly seenRegistration = new Map<string, number>();
  private readonly seenNameAndPlace = new Map<string, number>();

  private constructor(
    private readonly byRegistration: Map<string, string>,
    private readonly byNameAndPlace: Map<string, string>,
  ) {}

  static async load(em: EntityManager): Promise<CsvDuplicates> {
    const existing: { id: string; registration_number: string | null; name_sq: string; municipality_ids: string[] }[] = await em.execute(
      `select o.id, o.registration_number, o.name_sq, array(select distinct l.municipality_id from location l where l.organization_id = o.id) as municipality_ids from organization o`,
    );
    const byRegistration = new Map(existing.filter((e) => e.registration_number).map((e) => [e.registration_number!.toLowerCase(), e.id]));
    const byNameAndPlace = new Map<string, string>();
    for (const e of existing) for (const m of e.municipality_ids) byNameAndPlace.set(`${foldName(e.name_sq)}|${m}`, e.id);
    return new CsvDuplicates(byRegistration, byNameAndPlace);
  }

  /** Records the row's keys and reports it when it is a duplicate; returns the registry organization it duplicates, if any. */
  check(r: CsvRowReader, line: number, nameSq: string, registrationNumber: string | null, municipality: Municipality): string | undefined {
    let duplicateOf: string | undefined;
    const registrationKey = registrationNumber?.toLowerCase();
    const placeKey = `${foldName(nameSq)}|${municipality.id}`;
    const inFile = (registrationKey && this.seenRegistration.get(registrationKey)) || this.seenNameAndPlace.get(placeKey);
    if (registrationKey && this.byRegistration.has(registrationKey)) {
      duplicateOf = this.byRegistration.get(registrationKey);
      r.err('registration_number', 'DUPLICATE_REGISTRATION', `An organization with registration number ${registrationNumber} is already in the registry.`);
    } else if (this.byNameAndPlace.has(placeKey)) {
      duplicateOf = this.byNameAndPlace.get(placeKey);
      r.err('name_sq', 'DUPLICATE_NAME', `An organization named "${nameSq}" already has a site in ${municipality.names.sq}.`);
    } else if (inFile) {
      r.err(registrationKey && this.seenRegistration.get(registrationKey) ? 'registration_number' : 'name_sq', 'DUPLICATE_IN_FILE', `Same organization as line ${inFile}.`);
    }
    if (registrationKey && !this.seenRegistration.has(registrationKey)) this.seenRegistration.set(registrationKey, line);
    if (!this.seenNameAndPlace.has(placeKey)) this.seenNameAndPlace.set(placeKey, line);
    return duplicateOf;
  }
}
