import { AuthorityKind } from '../authorities/authority.enums';
import { type DemoRandom, Weighted } from './demo-random';
import type { DemoReference, RefAuthority, RefCategory, RefMunicipality, RefTargetGroup } from './demo-rows';
import { MINISTRY_WEIGHTS, PROFILES, type Profile } from './demo-vocabulary';

const byCode = <T extends { code: string }>(items: T[]) => [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/**
 * The reference data indexed for drawing: municipalities weighted by population, the leaf categories
 * of each profile, the authorities that award contracts. Built once per generator; it draws nothing.
 */
export class DemoCatalog {
  readonly municipalities: RefMunicipality[];
  readonly homes: Weighted<RefMunicipality>;
  /** Other municipalities of the same region, weighted by population; null where the region has one. */
  private readonly neighbours = new Map<string, Weighted<RefMunicipality> | null>();
  readonly maxPopulation: number;
  readonly categoriesByCode = new Map<string, RefCategory>();
  readonly leaves: RefCategory[];
  readonly profiles: Weighted<Profile>;
  readonly profileCategories = new Map<string, Weighted<RefCategory>>();
  readonly targetGroupsByCode = new Map<string, RefTargetGroup>();
  readonly authoritiesByMunicipality = new Map<string, RefAuthority>();
  readonly ministries: Weighted<RefAuthority> | null;
  /**
   * The first organization lives in Gračanica and carries the municipality in its names, so that
   * every demo set shows diacritic-insensitive search ("gracanica" finds "Gračanica").
   */
  readonly anchor: RefMunicipality | undefined;

  constructor(reference: DemoReference) {
    this.municipalities = byCode(reference.municipalities);
    if (this.municipalities.length === 0) throw new Error('demo data: no municipalities; seed the reference data first');
    this.homes = new Weighted(this.municipalities, this.municipalities.map((m) => m.population));
    this.maxPopulation = Math.max(...this.municipalities.map((m) => m.population));
    for (const m of this.municipalities) {
      const others = this.municipalities.filter((o) => o.regionCode === m.regionCode && o !== m);
      this.neighbours.set(m.code, others.length ? new Weighted(others, others.map((o) => o.population)) : null);
    }

    const categories = byCode(reference.categories);
    for (const c of categories) this.categoriesByCode.set(c.code, c);
    const parents = new Set(categories.map((c) => c.parentCode).filter(Boolean));
    this.leaves = categories.filter((c) => !parents.has(c.code));
    if (this.leaves.length === 0) throw new Error('demo data: no service categories; seed the reference data first');

    // The taxonomy comes from the database and may have moved on from the vocabulary: keep the
    // profile categories that still exist, and let a profile left with none draw from every leaf.
    const leafCodes = new Set(this.leaves.map((c) => c.code));
    for (const profile of PROFILES) {
      const known = profile.categories.filter(([code]) => leafCodes.has(code));
      this.profileCategories.set(
        profile.key,
        known.length
          ? new Weighted(known.map(([code]) => this.categoriesByCode.get(code)!), known.map(([, w]) => w))
          : new Weighted(this.leaves, this.leaves.map(() => 1)),
      );
    }
    this.profiles = new Weighted(PROFILES, PROFILES.map((p) => p.weight));

    for (const g of byCode(reference.targetGroups)) this.targetGroupsByCode.set(g.code, g);
    const authorities = byCode(reference.authorities);
    for (const a of authorities) if (a.kind === AuthorityKind.MUNICIPALITY && a.municipalityCode) this.authoritiesByMunicipality.set(a.municipalityCode, a);
    const ministries = authorities.filter((a) => a.kind === AuthorityKind.MINISTRY);
    this.ministries = ministries.length ? new Weighted(ministries, ministries.map((a) => MINISTRY_WEIGHTS[a.code] ?? 5)) : null;
    this.anchor = this.municipalities.find((m) => m.code === 'gracanice');
  }

  /** Another municipality of the home's region, or the home itself where the region has only one. */
  neighbour(home: RefMunicipality, random: DemoRandom): RefMunicipality {
    return this.neighbours.get(home.code)?.draw(random) ?? home;
  }
}
