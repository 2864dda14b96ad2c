import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { PublicAuthority } from '../authorities/public-authority.entity';
import { UserInputError } from '../core/errors';
import { Municipality } from '../geography/municipality.entity';
import { Region } from '../geography/region.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';

function index<T, K>(items: T[], key: (item: T) => K): Map<K, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function known<T>(map: Map<string, T>, code: string, field: string, what: string, query: string): T {
  const found = map.get(code);
  if (!found) throw new UserInputError(`Unknown ${what} code "${String(code).slice(0, 100)}". The ${query} query lists the codes.`, field);
  return found;
}

/**
 * The reference data (regions, municipalities, taxonomy, target groups, authorities): about 140 rows
 * that every request reads and that change only when an operator seeds or imports them. Held in
 * memory so that resolving a category or a municipality costs no SQL statement.
 */
export class ReferenceCatalog {
  readonly regionsByCode: Map<string, Region>;
  readonly regionsById: Map<string, Region>;
  readonly municipalitiesByCode: Map<string, Municipality>;
  readonly municipalitiesById: Map<string, Municipality>;
  readonly categoriesByCode: Map<string, ServiceCategory>;
  readonly categoriesById: Map<string, ServiceCategory>;
  readonly targetGroupsByCode: Map<string, TargetGroup>;
  readonly targetGroupsById: Map<string, TargetGroup>;
  readonly authoritiesById: Map<string, PublicAuthority>;
  readonly authoritiesByCode: Map<string, PublicAuthority>;
  private readonly childrenByParentId = new Map<string, ServiceCategory[]>();

  constructor(
    readonly regions: Region[],
    readonly municipalities: Municipality[],
    readonly categories: ServiceCategory[],
    readonly targetGroups: TargetGroup[],
    readonly authorities: PublicAuthority[],
  ) {
    this.regionsByCode = index(regions, (r) => r.code);
    this.regionsById = index(regions, (r) => r.id);
    this.municipalitiesByCode = index(municipalities, (m) => m.code);
    this.municipalitiesById = index(municipalities, (m) => m.id);
    this.categoriesByCode = index(categories, (c) => c.code);
    this.categoriesById = index(categories, (c) => c.id);
    this.targetGroupsByCode = index(targetGroups, (g) => g.code);
    this.targetGroupsById = index(targetGroups, (g) => g.id);
    this.authoritiesById = index(authorities, (a) => a.id);
    this.authoritiesByCode = index(authorities, (a) => a.code);
    for (const category of categories) {
      const parentId = this.parentIdOf(category);
      if (!parentId) continue;
      const siblings = this.childrenByParentId.get(parentId) ?? [];
      siblings.push(category);
      this.childrenByParentId.set(parentId, siblings);
    }
  }

  /** The category with this code, or a BAD_USER_INPUT error naming the field and where the codes are listed. */
  category(code: string, field: string): ServiceCategory {
    return known(this.categoriesByCode, code, field, 'service category', 'serviceCategories');
  }

  targetGroup(code: string, field: string): TargetGroup {
    return known(this.targetGroupsByCode, code, field, 'target group', 'targetGroups');
  }

  municipality(code: string, field: string): Municipality {
    return known(this.municipalitiesByCode, code, field, 'municipality', 'municipalities');
  }

  region(code: string, field: string): Region {
    return known(this.regionsByCode, code, field, 'region', 'regions');
  }

  authority(code: string, field: string): PublicAuthority {
    return known(this.authoritiesByCode, code, field, 'public authority', 'publicAuthorities');
  }

  parentIdOf(category: ServiceCategory): string | null {
    return category.parent ? category.parent.id : null;
  }

  parentOf(category: ServiceCategory): ServiceCategory | null {
    const parentId = this.parentIdOf(category);
    return parentId ? (this.categoriesById.get(parentId) ?? null) : null;
  }

  childrenOf(category: ServiceCategory): ServiceCategory[] {
    return this.childrenByParentId.get(category.id) ?? [];
  }

  /** A category and every category below it: a filter on a parent matches its children. */
  categoryAndDescendants(category: ServiceCategory): ServiceCategory[] {
    const result = [category];
    for (const child of this.childrenOf(category)) result.push(...this.categoryAndDescendants(child));
    return result;
  }

  categoryAndAncestors(category: ServiceCategory): ServiceCategory[] {
    const result = [category];
    for (let parent = this.parentOf(category); parent; parent = this.parentOf(parent)) result.push(parent);
    return result;
  }

  regionOf(municipality: Municipality): Region {
    const region = this.regionsById.get(municipality.region.id);
    if (!region) throw new Error(`municipality ${municipality.code} names an unknown region`);
    return region;
  }

  municipalitiesOf(region: Region): Municipality[] {
    return this.municipalities.filter((m) => m.region.id === region.id);
  }
}

export async function loadReferenceCatalog(em: EntityManager): Promise<ReferenceCatalog> {
  const [regions, municipalities, categories, targetGroups, authorities] = await Promise.all([
    em.find(Region, {}, { orderBy: { code: 'asc' } }),
    em.find(Municipality, {}, { orderBy: { region: { code: 'asc' }, names: { sq: 'asc' } } }),
    em.find(ServiceCategory, {}, { orderBy: { position: 'asc' } }),
    em.find(TargetGroup, {}, { orderBy: { position: 'asc' } }),
    em.find(PublicAuthority, {}, { orderBy: { kind: 'asc', code: 'asc' } }),
  ]);
  return new ReferenceCatalog(regions, municipalities, categories, targetGroups, authorities);
}

/** Keeps the catalog for a short time, so replicas pick up a re-seed within a minute without a restart. */
export class ReferenceCache {
  private current?: { catalog: Promise<ReferenceCatalog>; loadedAt: number };

  constructor(
    private readonly orm: MikroORM,
    private readonly ttlMs = 60_000,
  ) {}

  get(): Promise<ReferenceCatalog> {
    const now = Date.now();
    if (!this.current || now - this.current.loadedAt > this.ttlMs) {
      const catalog = loadReferenceCatalog(this.orm.em.fork());
      this.current = { catalog, loadedAt: now };
      catalog.catch(() => {
        if (this.current?.catalog === catalog) this.current = undefined;
      });
    }
    return this.current.catalog;
  }

  invalidate(): void {
    this.current = undefined;
  }
}
