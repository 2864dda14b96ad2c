import type { Knex } from '@mikro-orm/postgresql';
import type { DemoRows, Row } from './demo-model';

/** Column names and PostgreSQL types of each table the generator fills, as in the migrations. */
const TABLES: { [T in keyof DemoRows]: [column: string, type: string][] } = {
  organization: [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['name_sq', 'text'],
    ['name_sr', 'text'],
    ['name_en', 'text'],
    ['acronym', 'text'],
    ['description_sq', 'text'],
    ['description_sr', 'text'],
    ['description_en', 'text'],
    ['legal_form', 'text'],
    ['registration_number', 'text'],
    ['registration_date', 'date'],
    ['public_benefit', 'boolean'],
    ['website', 'text'],
    ['email', 'text'],
    ['phone', 'text'],
    ['year_founded', 'integer'],
    ['staff_count', 'integer'],
    ['volunteer_count', 'integer'],
    ['budget_band', 'text'],
    ['funding_public_pct', 'smallint'],
    ['funding_foreign_pct', 'smallint'],
    ['funding_own_pct', 'smallint'],
    ['funding_other_pct', 'smallint'],
    ['status', 'text'],
    ['verification_status', 'text'],
    ['verified_at', 'timestamptz'],
    ['last_confirmed_at', 'timestamptz'],
    ['is_demo', 'boolean'],
  ],
  location: [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['organization_id', 'uuid'],
    ['name', 'text'],
    ['address', 'text'],
    ['municipality_id', 'uuid'],
    ['lat', 'double precision'],
    ['lng', 'double precision'],
    ['accessibility', 'text'],
    ['opening_hours', 'text'],
    ['is_demo', 'boolean'],
  ],
  service: [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['organization_id', 'uuid'],
    ['name_sq', 'text'],
    ['name_sr', 'text'],
    ['name_en', 'text'],
    ['description_sq', 'text'],
    ['description_sr', 'text'],
    ['description_en', 'text'],
    ['languages', 'text[]'],
    ['eligibility', 'text'],
    ['fee', 'text'],
    ['capacity_per_year', 'integer'],
    ['residential_places', 'integer'],
    ['status', 'text'],
    ['is_demo', 'boolean'],
  ],
  service_at_location: [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['service_id', 'uuid'],
    ['location_id', 'uuid'],
  ],
  service_category_link: [
    ['service_id', 'uuid'],
    ['category_id', 'uuid'],
  ],
  service_target_group: [
    ['service_id', 'uuid'],
    ['target_group_id', 'uuid'],
  ],
  service_area: [
    ['service_id', 'uuid'],
    ['municipality_id', 'uuid'],
  ],
  licence: [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['organization_id', 'uuid'],
    ['issuing_authority', 'text'],
    ['number', 'text'],
    ['valid_from', 'date'],
    ['valid_until', 'date'],
    ['document_reference', 'text'],
    ['verification_status', 'text'],
    ['verified_at', 'timestamptz'],
    ['is_demo', 'boolean'],
  ],
  licence_category: [
    ['licence_id', 'uuid'],
    ['category_id', 'uuid'],
  ],
  contract: [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['authority_id', 'uuid'],
    ['provider_id', 'uuid'],
    ['title', 'text'],
    ['modality', 'text'],
    ['amount', 'numeric'],
    ['currency', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['award_date', 'date'],
    ['reference', 'text'],
    ['url', 'text'],
    ['status', 'text'],
    ['is_demo', 'boolean'],
  ],
  contract_category: [
    ['contract_id', 'uuid'],
    ['category_id', 'uuid'],
  ],
};

/** Tables the generator writes, in foreign-key order. */
export const DEMO_TABLES = Object.keys(TABLES) as (keyof DemoRows)[];

/**
 * One statement per table and chunk, with all rows as a single JSON parameter: a statement of any
 * row count has one bind parameter (multi-row VALUES would hit PostgreSQL's 65,535-parameter cap
 * and re-plan per row count), and json_to_recordset does the typing in the server.
 */
const STATEMENTS = Object.fromEntries(
  DEMO_TABLES.map((table) => {
    const columns = TABLES[table];
    const names = columns.map(([c]) => `"${c}"`).join(', ');
    const record = columns.map(([c, type]) => `"${c}" ${type}`).join(', ');
    return [table, `insert into "${table}" (${names}) select ${names} from json_to_recordset(?::json) as r(${record})`];
  }),
) as Record<keyof DemoRows, string>;

/** Keeps each JSON parameter to a few megabytes. */
const ROWS_PER_STATEMENT = 5_000;

export async function insertDemoRows(executor: Knex | Knex.Transaction, rows: DemoRows): Promise<void> {
  for (const table of DEMO_TABLES) {
    const list: Row[] = rows[table];
    for (let start = 0; start < list.length; start += ROWS_PER_STATEMENT) {
      await executor.raw(STATEMENTS[table], [JSON.stringify(list.slice(start, start + ROWS_PER_STATEMENT))]);
    }
  }
}
