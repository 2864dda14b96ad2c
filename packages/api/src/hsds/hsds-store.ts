import { boxAround, haversineSql } from '../geography/geo';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldChange } from '../revisions/revision.entity';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type {
  LocationRecord,
  OrganizationBundle,
  OrganizationRecord,
  RevisionRecord,
  ServiceAtLocationRecord,
  ServiceRecord,
} from './hsds-records';
import { type HsdsVocabulary, TAXONOMIES } from './hsds-vocabulary';
import { and, pgArray, type Sql, sql } from '../core/sql';
import { RECORD_ENTITY_TYPES } from './hsds-metadata';

/** What an HSDS list can be filtered by (already validated by the router). */
export interface HsdsFilter {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  /** Service-at-locations whose site lies within `meters` of the point (great circle). */
  near?: { lat: number; lng: number; meters: number };
  organizationId?: string;
  modifiedAfter?: Date;
}

export type HsdsListKind = 'organizations' | 'services' | 'service_at_locations';


function textSearch(column: string, search: string | undefined): Sql[] {
  if (!search) return [];
  return search
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => sql(`${column} like ('%' || civimap_fold(?) || '%')`, word.replace(/[\\%_]/g, '\\$&')));
}

const SERVICE_TEXT = `civimap_fold(s.name_sq || ' ' || coalesce(s.name_sr, '') || ' ' || coalesce(s.name_en, '') || ' ' || coalesce(s.description_sq, ''))`;

/**
 * When a record-field attribute is present (hsds-mapping's organizationAttributes and
 * serviceAttributes write one exactly when its value is not null), per term code.
 */
const SERVICE_RECORD_FIELDS: Record<string, string> = {
  demo: 's.is_demo',
  'name-sr': 's.name_sr is not null',
  'name-en': 's.name_en is not null',
  'description-sr': 's.description_sr is not null',
  'description-en': 's.description_en is not null',
  'capacity-per-year': 's.capacity_per_year is not null',
  'residential-places': 's.residential_places is not null',
};
const ORGANIZATION_RECORD_FIELDS: Record<string, string> = {
  demo: 'o.is_demo',
  'name-sr': 'o.name_sr is not null',
  'name-en': 'o.name_en is not null',
  'description-sr': 'o.description_sr is not null',
  'description-en': 'o.description_en is not null',
  'organization-status': 'true',
  'public-benefit': 'o.public_benefit',
  'registration-date': 'o.registration_date is not null',
  'staff-count': 'o.staff_count is not null',
  'volunteer-count': 'o.volunteer_count is not null',
  'budget-band': 'o.budget_band is not null',
};

/**
 * The SQL behind the HSDS API: filtered, counted, paged (by offset for pages, by id for streaming)
 * lists, and the rows under a batch of organizations, services or service-at-locations in a fixed
 * number of statements per batch.
 */
export class HsdsStore {
  constructor(
    private readonly em: EntityManager,
    private readonly vocabulary: HsdsVocabulary,
  ) {}

  private get catalog(): ReferenceCatalog {
    return this.vocabulary.catalog;
  }

  /** Conditions on a service (alias s) for the taxonomy filters. */
  private serviceTaxonomyWhere(filter: HsdsFilter): Sql[] {
    const where: Sql[] = [];
    if (filter.taxonomyTermId) {
      const term = this.vocabulary.resolveTerm(filter.taxonomyTermId);
      if (term?.kind === 'record') {
        where.push(sql(SERVICE_RECORD_FIELDS[term.term.code] ?? 'false'));
      } else if (term?.kind === 'category') {
        const ids = this.catalog.categoryAndDescendants(term.category).map((c) => c.id);
        where.push(sql('exists (select 1 from service_category_link x where x.service_id = s.id and x.category_id = any(?::uuid[]))', pgArray(ids)));
      } else if (term?.kind === 'targetGroup') {
        where.push(sql('exists (select 1 from service_target_group x where x.service_id = s.id and x.target_group_id = ?)', term.group.id));
      } else {
        where.push(sql('false'));
      }
    }
    if (filter.taxonomyId) {
      const taxonomy = this.vocabulary.taxonomyById(filter.taxonomyId);
      if (taxonomy?.id === TAXONOMIES.categories.id) where.push(sql('exists (select 1 from service_category_link x where x.service_id = s.id)'));
      else if (taxonomy?.id === TAXONOMIES.targetGroups.id) where.push(sql('exists (select 1 from service_target_group x where x.service_id = s.id)'));
      else if (taxonomy?.id === TAXONOMIES.record.id) where.push(sql(`(${Object.values(SERVICE_RECORD_FIELDS).join(' or ')})`));
      else where.push(sql('false'));
    }
    return where;
  }

  /** Whether an organization's own attributes (alias o) carry the record-field term or taxonomy asked for. */
  private organizationRecordWhere(filter: HsdsFilter): string {
    const conditions: string[] = [];
    if (filter.taxonomyTermId) {
      const term = this.vocabulary.resolveTerm(filter.taxonomyTermId);
      conditions.push(term?.kind === 'record' ? (ORGANIZATION_RECORD_FIELDS[term.term.code] ?? 'false') : 'false');
    }
    if (filter.taxonomyId) conditions.push(this.vocabulary.taxonomyById(filter.taxonomyId)?.id === TAXONOMIES.record.id ? `(${Object.values(ORGANIZATION_RECORD_FIELDS).join(' or ')})` : 'false');
    return `(${conditions.join(' and ')})`;
  }

  /** The FROM, WHERE (with its parameters), alias and page order of a list. */
  listQuery(kind: HsdsListKind, filter: HsdsFilter): { from: string; where: Sql; alias: string; order: string } {
    if (kind === 'organizations') {
      const where = [...textSearch('o.search_text', filter.search)];
      if (filter.organizationId) where.push(sql('o.id = ?', filter.organizationId));
      if (filter.modifiedAfter) where.push(sql('o.updated_at >= ?', filter.modifiedAfter));
      if (filter.taxonomyTermId || filter.taxonomyId) {
        // An organization matches by its own record-field attributes or by a service that matches.
        const inner = and([sql('s.organization_id = o.id'), ...this.serviceTaxonomyWhere(filter)]);
        const own = this.organizationRecordWhere(filter);
        where.push(sql(`(${own} or exists (select 1 from service s where ${inner.text}))`, ...inner.params));
      }
      return { from: 'organization o', where: and(where), alias: 'o', order: 'o.name_sq, o.id' };
    }
    const where = [...textSearch(SERVICE_TEXT, filter.search), ...this.serviceTaxonomyWhere(filter)];
    if (filter.organizationId) where.push(sql('s.organization_id = ?', filter.organizationId));
    if (kind === 'services') {
      if (filter.modifiedAfter) where.push(sql('s.updated_at >= ?', filter.modifiedAfter));
      return { from: 'service s', where: and(where), alias: 's', order: 's.name_sq, s.id' };
    }
    if (filter.modifiedAfter) where.push(sql('greatest(sl.updated_at, s.updated_at, l.updated_at) >= ?', filter.modifiedAfter));
    if (filter.near) {
      const { lat, lng, meters } = filter.near;
      const box = boxAround(lat, lng, meters / 1000);
      where.push(sql('l.lat between ? and ? and l.lng between ? and ?', box.minLat, box.maxLat, box.minLng, box.maxLng));
      where.push(sql(`${haversineSql('l')} <= ?`, lat, lat, lng, meters / 1000));
    }
    return {
      from: 'service_at_location sl join service s on s.id = sl.service_id join location l on l.id = sl.location_id',
      where: and(where),
      alias: 'sl',
      order: 's.name_sq, sl.id',
    };
  }

  /** minimal=true: id and last change of every matching service, in the list's order. */
  async minimal(filter: HsdsFilter): Promise<{ id: string; modified_date: string }[]> {
    const q = this.listQuery('services', filter);
    const rows = await this.em.execute(`select s.id, s.updated_at from ${q.from} where ${q.where.text} order by ${q.order}`, q.where.params);
    return rows.map((r) => ({ id: String(r.id), modified_date: new Date(r.updated_at).toISOString() }));
  }

  async count(kind: HsdsListKind, filter: HsdsFilter): Promise<number> {
    const q = this.listQuery(kind, filter);
    const [row] = await this.em.execute(`select count(*)::int as total from ${q.from} where ${q.where.text}`, q.where.params);
    return row.total as number;
  }

  /** The ids of one page, in the list's order (name, then id). */
  async pageIds(kind: HsdsListKind, filter: HsdsFilter, offset: number, limit: number): Promise<string[]> {
    const q = this.listQuery(kind, filter);
    const rows = await this.em.execute(`select ${q.alias}.id from ${q.from} where ${q.where.text} order by ${q.order} limit ? offset ?`, [
      ...q.where.params,
      limit,
      offset,
    ]);
    return rows.map((r) => String(r.id));
  }

  /** The next ids after `afterId`, in id order: keyset batches for streaming everything. */
  async idsAfter(kind: HsdsListKind, filter: HsdsFilter, afterId: string | null, limit: number): Promise<string[]> {
    const q = this.listQuery(kind, filter);
    const seek = afterId ? sql(`${q.alias}.id > ?`, afterId) : sql('true');
    const rows = await this.em.execute(
      `select ${q.alias}.id from ${q.from} where ${q.where.text} and ${seek.text} order by ${q.alias}.id limit ?`,
      [...q.where.params, ...seek.params, limit],
    );
    return rows.map((r) => String(r.id));
  }

  async organizations(ids: string[]): Promise<OrganizationRecord[]> {
    if (!ids.length) return [];
    const rows = await this.em.execute(
      `select o.id, o.created_at, o.updated_at, o.name_sq, o.name_sr, o.name_en, o.acronym, o.description_sq, o.description_sr, o.description_en,
              o.legal_form, o.registration_number, o.registration_date::text as registration_date, o.public_benefit, o.website, o.email, o.phone,
              o.year_founded, o.staff_count, o.volunteer_count, o.budget_band, o.funding_public_pct, o.funding_foreign_pct, o.funding_own_pct,
              o.funding_other_pct, o.status, o.is_demo
         from organization o where o.id = any(?::uuid[])`,
      [pgArray(ids)],
    );
    return orderLike(ids, rows.map(toOrganization));
  }

  async services(where: { ids?: string[]; organizationIds?: string[] }): Promise<ServiceRecord[]> {
    const condition = where.ids ? sql('s.id = any(?::uuid[])', pgArray(where.ids)) : sql('s.organization_id = any(?::uuid[])', pgArray(where.organizationIds ?? []));
    if (!(where.ids ?? where.organizationIds)?.length) return [];
    const rows = await this.em.execute(
      `select s.id, s.organization_id, s.created_at, s.updated_at, s.name_sq, s.name_sr, s.name_en, s.description_sq, s.description_sr, s.description_en,
              s.languages, s.eligibility, s.fee, s.capacity_per_year, s.residential_places, s.status, s.is_demo,
              array(select x.category_id::text from service_category_link x where x.service_id = s.id order by 1) as category_ids,
              array(select x.target_group_id::text from service_target_group x where x.service_id = s.id order by 1) as target_group_ids,
              array(select x.municipality_id::text from service_area x where x.service_id = s.id order by 1) as area_ids
         from service s where ${condition.text} order by s.id`,
      condition.params,
    );
    const services = rows.map(toService);
    return where.ids ? orderLike(where.ids, services) : services;
  }

  async locations(where: { ids?: string[]; organizationIds?: string[] }): Promise<LocationRecord[]> {
    if (!(where.ids ?? where.organizationIds)?.length) return [];
    const condition = where.ids ? sql('l.id = any(?::uuid[])', pgArray(where.ids)) : sql('l.organization_id = any(?::uuid[])', pgArray(where.organizationIds ?? []));
    const rows = await this.em.execute(
      `select l.id, l.organization_id, l.created_at, l.updated_at, l.name, l.address, l.municipality_id, l.lat, l.lng, l.accessibility, l.opening_hours, l.is_demo
         from location l where ${condition.text} order by l.id`,
      condition.params,
    );
    return rows.map(toLocation);
  }

  async serviceAtLocations(where: { ids?: string[]; organizationIds?: string[]; serviceIds?: string[] }): Promise<ServiceAtLocationRecord[]> {
    const condition = where.ids
      ? sql('sl.id = any(?::uuid[])', pgArray(where.ids))
      : where.serviceIds
        ? sql('sl.service_id = any(?::uuid[])', pgArray(where.serviceIds))
        : sql('s.organization_id = any(?::uuid[])', pgArray(where.organizationIds ?? []));
    if (!(where.ids ?? where.serviceIds ?? where.organizationIds)?.length) return [];
    const rows = await this.em.execute(
      `select sl.id, sl.service_id, sl.location_id, sl.created_at, sl.updated_at
         from service_at_location sl join service s on s.id = sl.service_id where ${condition.text} order by sl.id`,
      condition.params,
    );
    const sals = rows.map(toServiceAtLocation);
    return where.ids ? orderLike(where.ids, sals) : sals;
  }

  /** The revisions of these entities (import bookkeeping aside), oldest first; ties in the same millisecond by id. */
  async revisions(entityIds: string[]): Promise<RevisionRecord[]> {
    if (!entityIds.length) return [];
    const rows = await this.em.execute(
      `select r.id, r.created_at, r.entity_type, r.entity_id::text as entity_id, r.action, r.changes, r.reason, u.display_name as author_name
         from revision r left join app_user u on u.id = r.author_id
        where r.entity_type = any(?::text[]) and r.entity_id = any(?::uuid[]) and r.action <> 'IMPORT'
        order by date_trunc('milliseconds', r.created_at), r.id`,
      [pgArray(RECORD_ENTITY_TYPES), pgArray(entityIds)],
    );
    return rows.map(toRevision);
  }

  /** Organizations with everything under them: six statements for the whole batch. */
  async organizationBundles(ids: string[]): Promise<OrganizationBundle[]> {
    const [organizations, services, locations, sals] = await Promise.all([
      this.organizations(ids),
      this.services({ organizationIds: ids }),
      this.locations({ organizationIds: ids }),
      this.serviceAtLocations({ organizationIds: ids }),
    ]);
    const revisions = await this.revisions([...ids, ...services.map((s) => s.id), ...locations.map((l) => l.id), ...sals.map((s) => s.id)]);
    const serviceOrg = new Map(services.map((s) => [s.id, s.organizationId]));
    const entityOrg = new Map<string, string>([
      ...ids.map((id) => [id, id] as [string, string]),
      ...services.map((s) => [s.id, s.organizationId] as [string, string]),
      ...locations.map((l) => [l.id, l.organizationId] as [string, string]),
      ...sals.map((sal) => [sal.id, serviceOrg.get(sal.serviceId)!] as [string, string]),
    ]);
    return organizations.map((organization) => ({
      organization,
      services: services.filter((s) => s.organizationId === organization.id),
      locations: locations.filter((l) => l.organizationId === organization.id),
      serviceAtLocations: sals.filter((sal) => serviceOrg.get(sal.serviceId) === organization.id),
      revisions: revisions.filter((r) => entityOrg.get(r.entityId) === organization.id),
    }));
  }
}

function orderLike<T extends { id: string }>(ids: string[], items: T[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return ids.map((id) => byId.get(id)).filter((i): i is T => i !== undefined);
}

type Row = Record<string, any>;
const date = (value: unknown) => (value instanceof Date ? value : new Date(value as string));
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toOrganization(r: Row): OrganizationRecord {
  return {
    id: r.id,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    names: { sq: r.name_sq, sr: r.name_sr, en: r.name_en },
    acronym: r.acronym,
    descriptions: { sq: r.description_sq, sr: r.description_sr, en: r.description_en },
    legalForm: r.legal_form,
    registrationNumber: r.registration_number,
    registrationDate: r.registration_date,
    publicBenefit: Boolean(r.public_benefit),
    website: r.website,
    email: r.email,
    phone: r.phone,
    yearFounded: num(r.year_founded),
    staffCount: num(r.staff_count),
    volunteerCount: num(r.volunteer_count),
    budgetBand: r.budget_band,
    fundingPublicPct: num(r.funding_public_pct),
    fundingForeignPct: num(r.funding_foreign_pct),
    fundingOwnPct: num(r.funding_own_pct),
    fundingOtherPct: num(r.funding_other_pct),
    status: r.status,
    isDemo: Boolean(r.is_demo),
  };
}

/** The columns every record under an organization has. */
const owned = (r: Row) => ({ id: r.id, organizationId: r.organization_id, createdAt: date(r.created_at), updatedAt: date(r.updated_at) });

function toService(r: Row): ServiceRecord {
  return {
    ...owned(r),
    names: { sq: r.name_sq, sr: r.name_sr, en: r.name_en },
    descriptions: { sq: r.description_sq, sr: r.description_sr, en: r.description_en },
    languages: r.languages ?? [],
    eligibility: r.eligibility,
    fee: r.fee,
    capacityPerYear: num(r.capacity_per_year),
    residentialPlaces: num(r.residential_places),
    status: r.status,
    isDemo: Boolean(r.is_demo),
    categoryIds: r.category_ids ?? [],
    targetGroupIds: r.target_group_ids ?? [],
    areaMunicipalityIds: r.area_ids ?? [],
  };
}

function toLocation(r: Row): LocationRecord {
  return {
    ...owned(r),
    name: r.name,
    address: r.address,
    municipalityId: r.municipality_id,
    lat: Number(r.lat),
    lng: Number(r.lng),
    accessibility: r.accessibility,
    openingHours: r.opening_hours,
    isDemo: Boolean(r.is_demo),
  };
}

function toServiceAtLocation(r: Row): ServiceAtLocationRecord {
  return { id: r.id, serviceId: r.service_id, locationId: r.location_id, createdAt: date(r.created_at), updatedAt: date(r.updated_at) };
}

function toRevision(r: Row): RevisionRecord {
  const changes = typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes;
  return {
    id: r.id,
    createdAt: date(r.created_at),
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    changes: Array.isArray(changes) ? (changes as FieldChange[]) : [],
    authorName: r.author_name ?? null,
    reason: r.reason ?? null,
  };
}
