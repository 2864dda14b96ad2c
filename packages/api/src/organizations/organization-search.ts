import type { EntityManager } from '@mikro-orm/postgresql';
import type { Language } from '../core/localized-text';
import { UserInputError } from '../core/errors';
import { readQuery } from '../core/read';
import { join, type Sql, sql } from '../core/sql';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { resolveOrganizationFilter } from './organization-filter';
import { organizationPage, type OrganizationPage, type ResolvedFilter } from './organization-page';
import { type OrganizationFilter, OrganizationOrder } from './organization.inputs';

export type { OrganizationPage, OrganizationPageRow, ResolvedFilter } from './organization-page';

export interface MapPointRow {
  locationId: string;
  organizationId: string;
  name: string;
  /** The language the name is in: the one asked for, or Albanian where the organization has no name in it. */
  nameLanguage: Language;
  lat: number;
  lng: number;
  municipalityCode: string;
  categoryCodes: string[];
  verified: boolean;
  isDemo: boolean;
}

/** Pages and map points of the organizations an OrganizationFilter matches (its SQL: organization-filter.ts). */
export class OrganizationSearch {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: ReferenceCatalog,
  ) {}

  resolve(filter: OrganizationFilter | null | undefined): ResolvedFilter {
    return resolveOrganizationFilter(this.catalog, filter);
  }

  async page(args: {
    filter?: OrganizationFilter | null;
    first: number;
    after?: string | null;
    orderBy?: OrganizationOrder | null;
    /** The language whose names NAME orders by (Albanian where a name is missing). */
    lang?: 'sq' | 'sr' | 'en' | null;
    /** SQL for each row's object over the alias (core/projection.ts compiles it from the selection); default just the id. */
    node?: (alias: string) => string;
  }): Promise<OrganizationPage> {
    const resolved = this.resolve(args.filter);
    const order = args.orderBy ?? (resolved.distance ? OrganizationOrder.DISTANCE : OrganizationOrder.NAME);
    if (order === OrganizationOrder.DISTANCE && !resolved.distance) {
      throw new UserInputError('orderBy DISTANCE needs filter.near: distances are measured from its point.', 'orderBy');
    }
    return organizationPage(this.em, resolved, { first: args.first, after: args.after, order, lang: args.lang ?? 'sq', node: args.node });
  }

  /** Every site of every matching organization (restricted to the sites that make it match), in one statement. */
  async mapPoints(
    filter: OrganizationFilter | null | undefined,
    lang: 'sq' | 'sr' | 'en',
    limit: number,
    /** The MapPoint fields asked for: the categories (a subquery per site) only when selected. */
    selected: (field: keyof MapPointRow) => boolean = () => true,
    /** A further condition on the sites (alias l), e.g. the grid cells of mapSitesAt. */
    sites?: Sql,
  ): Promise<MapPointRow[]> {
    const resolved = this.resolve(filter);
    const where = join([...resolved.where, ...resolved.siteWhere, ...(sites ? [sites] : [])], ' and ');
    const nameColumn = lang === 'sq' ? 'o.name_sq' : `coalesce(o.name_${lang}, o.name_sq)`;
    const nameLanguage = lang === 'sq' ? `'sq'` : `case when o.name_${lang} is null then 'sq' else '${lang}' end`;
    const statement = sql(
      `select l.id as location_id, o.id as organization_id, ${nameColumn} as name, ${nameLanguage} as name_language, l.lat, l.lng, m.code as municipality_code,` +
        ` o.verification_status = 'VERIFIED' as verified, o.is_demo` +
        (selected('categoryCodes')
          ? `, array(select distinct c.code from service s join service_category_link sc on sc.service_id = s.id join service_category c on c.id = sc.category_id` +
            ` where s.organization_id = o.id and s.status = 'ACTIVE' order by c.code) as category_codes`
          : '') +
        ` from location l join organization o on o.id = l.organization_id join municipality m on m.id = l.municipality_id` +
        ` where ${where.text || 'true'} order by l.id limit ?`,
      ...where.params,
      limit,
    );
    const rows: Record<string, unknown>[] = await readQuery(this.em, statement.text, statement.params);
    return rows.map((r) => ({
      locationId: r.location_id as string,
      organizationId: r.organization_id as string,
      name: r.name as string,
      nameLanguage: r.name_language as Language,
      lat: Number(r.lat),
      lng: Number(r.lng),
      municipalityCode: r.municipality_code as string,
      categoryCodes: (r.category_codes as string[] | undefined) ?? [],
      verified: Boolean(r.verified),
      isDemo: Boolean(r.is_demo),
    }));
  }
}
