import type { EntityManager } from '@mikro-orm/postgresql';
import { readQuery } from '../core/read';
import { ContractService } from '../contracts/contract.service';
import type { ContractFilter } from '../contracts/contract.inputs';
import type { OrganizationFilter } from '../organizations/organization.inputs';
import { OrganizationSearch } from '../organizations/organization-search';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { pgArray } from '../core/sql';

export const EXPORT_BATCH = 500;
type Row = Record<string, any>;

/**
 * Reads what the current filter shows, a batch of organizations at a time (keyset on id), so an
 * export of any size streams with bounded memory and never holds a long transaction.
 */
export class ExportService {
  private readonly search: OrganizationSearch;

  constructor(
    private readonly em: EntityManager,
    private readonly catalog: ReferenceCatalog,
  ) {
    this.search = new OrganizationSearch(em, catalog);
  }

  /** Validates the filter up front, so a bad one fails before any byte is sent. */
  prepare(filter: OrganizationFilter, contractFilter: ContractFilter | null = null): PreparedExport {
    const resolved = this.search.resolve(filter);
    const fragment = (parts: { text: string; params: unknown[] }[]) => ({ sql: parts.map((w) => w.text).join(' and ') || 'true', params: parts.flatMap((w) => w.params) });
    // Validated here too, so a bad contract filter fails before any byte is sent.
    const contractWhere = new ContractService(this.em, this.catalog).where(contractFilter);
    return new PreparedExport(this.em, fragment(resolved.where), fragment(resolved.siteWhere), contractWhere);
  }

  get reference(): ReferenceCatalog {
    return this.catalog;
  }
}

const ids = (rows: Row[]) => pgArray(rows.map((r) => r.id));
type Where = { sql: string; params: unknown[] };

/** The batches of one validated export: organizations by keyset on id, and what each batch holds. */
export class PreparedExport {
  constructor(
    private readonly em: EntityManager,
    private readonly where: Where,
    private readonly siteWhere: Where,
    private readonly contractWhere: Where,
  ) {}

  private async *organizationBatches(): AsyncGenerator<Row[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Row[] = await readQuery(this.em,
        `select o.* from organization o where (${this.where.sql}) and o.id > ? order by o.id limit ${EXPORT_BATCH}`,
        [...this.where.params, after],
      );
      if (!rows.length) return;
      yield rows;
      if (rows.length < EXPORT_BATCH) return;
      after = rows[rows.length - 1].id;
    }
  }

  /** Organizations with the codes of their sites' municipalities and their active services' categories. */
  async *organizations(): AsyncGenerator<Row[]> {
    for await (const batch of this.organizationBatches()) {
      const extras: Row[] = await readQuery(this.em,
        `select o.id,` +
          ` array(select distinct m.code from location l join municipality m on m.id = l.municipality_id where l.organization_id = o.id order by 1) as municipalities,` +
          ` array(select distinct c.code from service s join service_category_link sc on sc.service_id = s.id join service_category c on c.id = sc.category_id where s.organization_id = o.id and s.status = 'ACTIVE' order by 1) as categories` +
          ` from organization o where o.id = any(?::uuid[])`,
        [ids(batch)],
      );
      const byId = new Map(extras.map((e) => [e.id, e]));
      yield batch.map((o) => ({ ...o, municipalities: byId.get(o.id)?.municipalities ?? [], categories: byId.get(o.id)?.categories ?? [] }));
    }
  }

  async *services(): AsyncGenerator<Row[]> {
    for await (const batch of this.organizationBatches()) {
      const names = new Map(batch.map((o) => [o.id, o.name_sq]));
      const rows: Row[] = await readQuery(this.em,
        `select s.*,` +
          ` array(select c.code from service_category_link sc join service_category c on c.id = sc.category_id where sc.service_id = s.id order by 1) as categories,` +
          ` array(select g.code from service_target_group st join target_group g on g.id = st.target_group_id where st.service_id = s.id order by 1) as target_groups,` +
          ` array(select m.code from service_area sa join municipality m on m.id = sa.municipality_id where sa.service_id = s.id order by 1) as service_area` +
          ` from service s where s.organization_id = any(?::uuid[]) order by s.organization_id, s.id`,
        [ids(batch)],
      );
      yield rows.map((s) => ({ ...s, organization_name: names.get(s.organization_id) }));
    }
  }

  /** Sites; a bbox, near, region or municipality filter keeps only the sites that make the organization match. */
  async *locations(): AsyncGenerator<Row[]> {
    for await (const batch of this.organizationBatches()) {
      const names = new Map(batch.map((o) => [o.id, o.name_sq]));
      const rows: Row[] = await readQuery(this.em,
        `select l.*, m.code as municipality_code,` +
          ` array(select distinct c.code from service_at_location sl join service s on s.id = sl.service_id join service_category_link sc on sc.service_id = s.id join service_category c on c.id = sc.category_id where sl.location_id = l.id and s.status = 'ACTIVE' order by 1) as categories` +
          ` from location l join municipality m on m.id = l.municipality_id where l.organization_id = any(?::uuid[]) and (${this.siteWhere.sql}) order by l.organization_id, l.id`,
        [ids(batch), ...this.siteWhere.params],
      );
      yield rows.map((l) => ({ ...l, organization_name: names.get(l.organization_id) }));
    }
  }

  /** Contracts of the matching providers, with authority and category codes. */
  async *contracts(): AsyncGenerator<Row[]> {
    for await (const batch of this.organizationBatches()) {
      const providers = new Map(batch.map((o) => [o.id, o]));
      const rows: Row[] = await readQuery(this.em,
        `select k.*, array(select c.code from contract_category kc join service_category c on c.id = kc.category_id where kc.contract_id = k.id order by 1) as categories` +
          ` from contract k join public_authority a on a.id = k.authority_id where k.provider_id = any(?::uuid[]) and (${this.contractWhere.sql}) order by k.provider_id, k.id`,
        [ids(batch), ...this.contractWhere.params],
      );
      yield rows.map((k) => ({ ...k, provider: providers.get(k.provider_id) }));
    }
  }

  /** Whether any organization the filter matches is a demo record. */
  async includesDemo(): Promise<boolean> {
    const [row] = await readQuery(this.em, `select exists (select 1 from organization o where (${this.where.sql}) and o.is_demo) as demo`, this.where.params);
    return Boolean(row.demo);
  }
}
