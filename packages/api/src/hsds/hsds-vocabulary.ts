import { foldName } from '../geography/boundaries-import';
import type { Municipality } from '../geography/municipality.entity';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type { ServiceCategory } from '../taxonomy/service-category.entity';
import type { TargetGroup } from '../taxonomy/target-group.entity';
import { civimapId } from './hsds-ids';
import type { HsdsObject } from './hsds-records';

export interface TaxonomyInfo {
  code: string;
  id: string;
  name: string;
  description: string;
}

function taxonomy(code: string, name: string, description: string): TaxonomyInfo {
  return { code, id: civimapId(`taxonomy:${code}`), name, description };
}

/** The taxonomies civimap publishes. Their ids and their terms' ids are the same in every civimap database. */
export const TAXONOMIES = {
  categories: taxonomy(
    'civimap-service-categories',
    'civimap service categories',
    "The two-level taxonomy of social and family services, following the categories of Kosovo's law on social and family services.",
  ),
  targetGroups: taxonomy('civimap-target-groups', 'civimap target groups', 'The groups of people a social or family service is meant for.'),
  record: taxonomy(
    'civimap-record',
    'civimap record fields',
    'Fields of a civimap record that HSDS 3.0 has no property for (names and descriptions in Serbian and English, status, capacity, the demo flag); attributes carry them in their value.',
  ),
} as const;

/** A civimap field carried as an HSDS attribute: the term names the field, the attribute's value holds it. */
export interface RecordTermInfo {
  code: string;
  name: string;
  description: string;
}

export const RECORD_TERMS: RecordTermInfo[] = [
  { code: 'demo', name: 'Demo record', description: 'A fictional record generated for demonstration: never real data. Value: true.' },
  { code: 'name-sr', name: 'Name in Serbian', description: 'The name in Serbian.' },
  { code: 'name-en', name: 'Name in English', description: 'The name in English.' },
  { code: 'description-sr', name: 'Description in Serbian', description: 'The description in Serbian.' },
  { code: 'description-en', name: 'Description in English', description: 'The description in English.' },
  { code: 'organization-status', name: 'Organization status', description: 'active, inactive or closed.' },
  { code: 'public-benefit', name: 'Public-benefit status', description: 'The organization holds public-benefit status. Value: true.' },
  { code: 'registration-date', name: 'NGO registration date', description: 'The date of the NGO registration (YYYY-MM-DD).' },
  { code: 'staff-count', name: 'Staff', description: 'Number of staff.' },
  { code: 'volunteer-count', name: 'Volunteers', description: 'Number of volunteers.' },
  { code: 'budget-band', name: 'Annual budget band', description: 'Annual budget band in EUR (UNDER_10K, FROM_10K_TO_50K, FROM_50K_TO_100K, FROM_100K_TO_500K, OVER_500K).' },
  { code: 'capacity-per-year', name: 'Capacity (beneficiaries per year)', description: 'Beneficiaries per year.' },
  { code: 'residential-places', name: 'Residential places', description: 'Places, where the service is residential.' },
];

export type ResolvedTerm =
  | { kind: 'category'; category: ServiceCategory }
  | { kind: 'targetGroup'; group: TargetGroup }
  | { kind: 'record'; term: RecordTermInfo };

/** Taxonomies, terms and places of the reference catalog in HSDS terms. */
export class HsdsVocabulary {
  private readonly byTermId = new Map<string, ResolvedTerm>();
  private readonly municipalitiesByFoldedName = new Map<string, Municipality>();
  readonly recordTerms = new Map(RECORD_TERMS.map((t) => [t.code, t]));

  constructor(readonly catalog: ReferenceCatalog) {
    for (const category of catalog.categories) this.byTermId.set(categoryTermId(category.code), { kind: 'category', category });
    for (const group of catalog.targetGroups) this.byTermId.set(targetGroupTermId(group.code), { kind: 'targetGroup', group });
    for (const term of RECORD_TERMS) this.byTermId.set(recordTermId(term.code), { kind: 'record', term });
    for (const m of catalog.municipalities) {
      for (const name of [m.code, m.names.sq, m.names.sr, m.names.en]) {
        if (name && !this.municipalitiesByFoldedName.has(foldName(name))) this.municipalitiesByFoldedName.set(foldName(name), m);
      }
    }
  }

  resolveTerm(id: string): ResolvedTerm | null {
    return this.byTermId.get(id.toLowerCase()) ?? null;
  }

  taxonomyById(id: string): TaxonomyInfo | null {
    return Object.values(TAXONOMIES).find((t) => t.id === id.toLowerCase()) ?? null;
  }

  /** A municipality by its code or by its name in any language, with or without diacritics. */
  municipalityByName(name: string): Municipality | null {
    return this.municipalitiesByFoldedName.get(foldName(name)) ?? null;
  }

  categoryTerm(category: ServiceCategory): HsdsObject {
    const parentId = this.catalog.parentIdOf(category);
    const parent = parentId ? this.catalog.categoriesById.get(parentId) : null;
    return compact(codedTerm(categoryTermId(category.code), category, TAXONOMIES.categories, { parent_id: parent ? categoryTermId(parent.code) : null }));
  }

  targetGroupTerm(group: TargetGroup): HsdsObject {
    return codedTerm(targetGroupTermId(group.code), group, TAXONOMIES.targetGroups);
  }

  recordTerm(term: RecordTermInfo): HsdsObject {
    return {
      id: recordTermId(term.code),
      code: term.code,
      name: term.name,
      description: term.description,
      taxonomy: TAXONOMIES.record.code,
      language: 'en',
      taxonomy_id: TAXONOMIES.record.id,
    };
  }

  /** Every term: categories in taxonomy order, then target groups, then the record fields. */
  allTerms(): HsdsObject[] {
    return [
      ...this.catalog.categories.map((c) => this.categoryTerm(c)),
      ...this.catalog.targetGroups.map((g) => this.targetGroupTerm(g)),
      ...RECORD_TERMS.map((t) => this.recordTerm(t)),
    ];
  }

  taxonomies(): HsdsObject[] {
    return Object.values(TAXONOMIES).map((t) => ({ id: t.id, name: t.name, description: t.description }));
  }
}

export const categoryTermId = (code: string) => civimapId(`term:${TAXONOMIES.categories.code}:${code}`);
export const targetGroupTermId = (code: string) => civimapId(`term:${TAXONOMIES.targetGroups.code}:${code}`);
export const recordTermId = (code: string) => civimapId(`term:${TAXONOMIES.record.code}:${code}`);

/** The object without its null and undefined properties, keys in the order given (HSDS types allow no nulls). */
export function compact<T extends Record<string, unknown>>(object: T): HsdsObject {
  const out: HsdsObject = {};
  for (const [key, value] of Object.entries(object)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

/** A taxonomy term for reference data: named in Albanian, described in English (Albanian where missing); `between` goes before the taxonomy. */
function codedTerm(id: string, item: { code: string; names: { sq: string; en?: string | null } }, taxonomy: { code: string; id: string }, between: HsdsObject = {}): HsdsObject {
  return { id, code: item.code, name: item.names.sq, description: item.names.en ?? item.names.sq, ...between, taxonomy: taxonomy.code, language: 'sq', taxonomy_id: taxonomy.id };
}
