import type { EntityManager } from '@mikro-orm/postgresql';
import { type Language, localized } from '../core/localized-text';
import { UserInputError } from '../core/errors';
import { isUuid } from '../core/ids';
import { keysetPage } from '../core/connection';
import { decodeCursor } from '../core/pagination';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { Contract } from './contract.entity';
import type { ContractFilter } from './contract.inputs';
import { ContractTotalDimension } from './contract.inputs';
import { pgArray } from '../core/sql';


/** Where a contract is placed for municipality filters and totals (see ContractTotalDimension). */
const CONTRACT_MUNICIPALITY =
  `coalesce(a.municipality_id, (select l.municipality_id from location l where l.organization_id = k.provider_id order by l.created_at, l.id limit 1))`;

export class ContractService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: ReferenceCatalog,
  ) {}

  /** The filter as SQL over `contract k join public_authority a`. */
  where(filter: ContractFilter | null | undefined): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    const f = filter ?? {};
    if (f.includeDemo === false) parts.push('not k.is_demo');
    if (f.authorities?.length) {
      const ids = f.authorities.map((code) => this.catalog.authority(code, 'filter.authorities').id);
      parts.push('k.authority_id = any(?::uuid[])');
      params.push(pgArray(ids));
    }
    if (f.providers?.length) {
      const bad = f.providers.find((id) => !isUuid(id));
      if (bad) throw new UserInputError(`filter.providers must hold organization ids (UUIDs); got "${bad}".`, 'filter.providers');
      parts.push('k.provider_id = any(?::uuid[])');
      params.push(pgArray(f.providers));
    }
    if (f.categories?.length) {
      const ids = f.categories.flatMap((code) => this.catalog.categoryAndDescendants(this.catalog.category(code, 'filter.categories')).map((d) => d.id));
      parts.push('exists (select 1 from contract_category kc where kc.contract_id = k.id and kc.category_id = any(?::uuid[]))');
      params.push(pgArray(ids));
    }
    if (f.municipalities?.length) {
      const ids = f.municipalities.map((code) => this.catalog.municipality(code, 'filter.municipalities').id);
      parts.push(`${CONTRACT_MUNICIPALITY} = any(?::uuid[])`);
      params.push(pgArray(ids));
    }
    if (f.years?.length) {
      if (f.years.some((y) => y < 1990 || y > 2100)) throw new UserInputError('filter.years must be between 1990 and 2100.', 'filter.years');
      parts.push('extract(year from k.award_date)::int = any(?::int[])');
      params.push(pgArray(f.years));
    }
    if (f.modalities?.length) {
      parts.push('k.modality = any(?::text[])');
      params.push(pgArray(f.modalities));
    }
    if (f.status?.length) {
      parts.push('k.status = any(?::text[])');
      params.push(pgArray(f.status));
    }
    return { sql: parts.length ? parts.join(' and ') : 'true', params };
  }

  /** Newest award first; the cursor holds the award date (or '' when none) and the id. */
  async page(filter: ContractFilter | null | undefined, first: number, after?: string | null) {
    const where = this.where(filter);
    const from = `from contract k join public_authority a on a.id = k.authority_id where ${where.sql}`;
    const seek = after ? decodeCursor(after, 'AWARD_DATE') : null;
    const sortKey = `coalesce(k.award_date::text, '')`;
    const rows: Record<string, unknown>[] = await this.em.execute(
      `select k.*, ${sortKey} as sort_value ${from} ${seek ? `and (${sortKey}, k.id) < (?, ?::uuid)` : ''} order by ${sortKey} desc, k.id desc limit ?`,
      [...where.params, ...(seek ? [seek.value ?? '', seek.id] : []), first + 1],
    );
    const [totals] = await this.em.execute(`select count(*)::int as count, coalesce(sum(k.amount), 0)::float8 as amount ${from}`, where.params);
    const page = keysetPage(rows, first, after, (row) => ({ order: 'AWARD_DATE', value: row.sort_value as string, id: row.id as string }));
    return {
      pageInfo: page.pageInfo,
      totalCount: totals.count as number,
      totalAmount: Number(totals.amount),
      rows: page.rows.map(({ sort_value: _sortValue, cursor, ...columns }) => ({ contract: this.em.map(Contract, columns), cursor })),
    };
  }

  async totals(filter: ContractFilter | null | undefined, by: ContractTotalDimension, lang: Language) {
    const where = this.where(filter);
    const key = {
      [ContractTotalDimension.AUTHORITY]: 'a.code',
      [ContractTotalDimension.CATEGORY]: 'c.code',
      [ContractTotalDimension.MUNICIPALITY]: `(select m.code from municipality m where m.id = ${CONTRACT_MUNICIPALITY})`,
      [ContractTotalDimension.YEAR]: `coalesce(extract(year from k.award_date)::int::text, 'unknown')`,
    }[by];
    const join = by === ContractTotalDimension.CATEGORY ? 'join contract_category kc on kc.contract_id = k.id join service_category c on c.id = kc.category_id' : '';
    const rows: { key: string | null; contracts: number; amount: number }[] = await this.em.execute(
      `select ${key} as key, count(*)::int as contracts, coalesce(sum(k.amount), 0)::float8 as amount` +
        ` from contract k join public_authority a on a.id = k.authority_id ${join} where ${where.sql} group by 1 order by 3 desc, 1`,
      where.params,
    );
    return rows.map((r) => ({ key: r.key ?? 'unknown', label: this.label(by, r.key, lang), contracts: r.contracts, amount: Number(r.amount) }));
  }

  private label(by: ContractTotalDimension, key: string | null, lang: Language): string {
    if (!key) return 'unknown';
    switch (by) {
      case ContractTotalDimension.AUTHORITY:
        return localized(this.catalog.authoritiesByCode.get(key)?.names, lang) ?? key;
      case ContractTotalDimension.CATEGORY:
        return localized(this.catalog.categoriesByCode.get(key)?.names, lang) ?? key;
      case ContractTotalDimension.MUNICIPALITY:
        return localized(this.catalog.municipalitiesByCode.get(key)?.names, lang) ?? key;
      default:
        return key;
    }
  }
}
