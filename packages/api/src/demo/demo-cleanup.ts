import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { DemoResult } from './demo-generator';
import { refreshCoverage } from '../coverage/coverage-summary';

export interface OrganizationCounts {
  real: number;
  demo: number;
}

export async function countOrganizations(em: EntityManager): Promise<OrganizationCounts> {
  const [row] = await em.execute<{ real: string; demo: string }[]>(
    'select count(*) filter (where not is_demo) as real, count(*) filter (where is_demo) as demo from organization',
  );
  return { real: Number(row.real), demo: Number(row.demo) };
}

/**
 * Deletes every demo record, of every kind, in one transaction, and nothing else.
 *
 * Children go before their parents in set-based statements so that the cascades from the
 * organizations find nothing left to do row by row. Two kinds of non-demo rows can hang off a demo
 * organization and go with it, because they cannot exist without it: contracts whose provider is a
 * demo organization (a real authority does not contract a fictional provider; the foreign key would
 * otherwise block the delete) and records that users added under a demo organization (its services,
 * sites, memberships, shortlist entries), which the foreign keys cascade.
 */
export async function deleteDemoData(em: EntityManager): Promise<DemoResult> {
  const run = async (trx: Knex.Transaction): Promise<DemoResult> => {
    const count = async (sql: string) => Number((await trx.raw(sql)).rowCount ?? 0);
    const demoContracts = 'select id from contract where is_demo or provider_id in (select id from organization where is_demo)';
    await trx.raw(`delete from contract_category where contract_id in (${demoContracts})`);
    const contracts = await count(`delete from contract where id in (${demoContracts})`);
    await trx.raw('delete from licence_category where licence_id in (select id from licence where is_demo)');
    const licences = await count('delete from licence where is_demo');
    await trx.raw('delete from service_at_location where service_id in (select id from service where is_demo) or location_id in (select id from location where is_demo)');
    for (const pivot of ['service_category_link', 'service_target_group', 'service_area']) {
      await trx.raw(`delete from ${pivot} where service_id in (select id from service where is_demo)`);
    }
    const services = await count('delete from service where is_demo');
    const locations = await count('delete from location where is_demo');
    const organizations = await count('delete from organization where is_demo');
    // Only real organizations are left: rebuilding their summary costs less than subtracting the demo ones.
    await refreshCoverage(trx);
    // The demo survey waves (their invitations and responses went with the organizations).
    await trx.raw('delete from survey_wave where is_demo');
    return { organizations, services, locations, licences, contracts };
  };
  const outer = em.getTransactionContext<Knex.Transaction>();
  return outer ? run(outer) : em.getKnex().transaction(run);
}
