import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../core/sql';
import type { WaveAudience } from './survey.entity';

/**
 * The organizations a wave asks, with where each stands in the registry now: the region and
 * municipality of its first site, the top-level categories and the target groups of its active
 * services, its legal form. One statement that writes the invitations, whatever the registry's size.
 */
export async function inviteRoster(tx: EntityManager, waveId: string, audience: WaveAudience): Promise<number> {
  const where: string[] = [`o.status = 'ACTIVE'`];
  const params: unknown[] = [waveId];
  if (audience.organizationIds?.length) {
    where.push(`o.id = any(?::uuid[])`);
    params.push(pgArray(audience.organizationIds));
  }
  if (audience.municipalities?.length) {
    where.push(`first_site.municipality_code = any(?::text[])`);
    params.push(pgArray(audience.municipalities));
  }
  if (audience.regions?.length) {
    where.push(`first_site.region_code = any(?::text[])`);
    params.push(pgArray(audience.regions));
  }
  if (audience.categories?.length) {
    where.push(`cats.codes && ?::text[]`);
    params.push(pgArray(audience.categories));
  }
  const rows: { n: string }[] = await tx.execute(
    `with inserted as (
      insert into survey_invitation (id, wave_id, organization_id, region_code, municipality_code, category_codes, target_group_codes, legal_form)
      select gen_random_uuid(), ?, o.id, first_site.region_code, first_site.municipality_code, cats.codes, groups.codes, o.legal_form
      from organization o
      left join lateral (
        select m.code as municipality_code, r.code as region_code from location l
        join municipality m on m.id = l.municipality_id join region r on r.id = m.region_id
        where l.organization_id = o.id order by l.created_at, l.id limit 1
      ) first_site on true
      cross join lateral (
        select coalesce(array_agg(distinct coalesce(p.code, c.code) order by coalesce(p.code, c.code)), '{}') as codes
        from service s join service_category_link scl on scl.service_id = s.id
        join service_category c on c.id = scl.category_id left join service_category p on p.id = c.parent_id
        where s.organization_id = o.id and s.status = 'ACTIVE'
      ) cats
      cross join lateral (
        select coalesce(array_agg(distinct g.code order by g.code), '{}') as codes
        from service s join service_target_group stg on stg.service_id = s.id join target_group g on g.id = stg.target_group_id
        where s.organization_id = o.id and s.status = 'ACTIVE'
      ) groups
      where ${where.join(' and ')}
      on conflict (wave_id, organization_id) do nothing
      returning 1
    ) select count(*) as n from inserted`,
    params,
  );
  return Number(rows[0].n);
}

export interface Recipient {
  userId: string;
  email: string;
  organizationId: string;
  organizationName: string;
}

/** The owners and editors of the wave's invited organizations (only those not yet submitted, for reminders). */
export async function recipients(tx: EntityManager, waveId: string, options: { onlyPending: boolean }): Promise<Recipient[]> {
  const pending = options.onlyPending
    ? `and not exists (select 1 from survey_response r where r.wave_id = i.wave_id and r.organization_id = i.organization_id and r.status = 'SUBMITTED')`
    : '';
  const rows: { user_id: string; email: string; organization_id: string; name_sq: string }[] = await tx.execute(
    `select u.id as user_id, u.email, o.id as organization_id, o.name_sq from survey_invitation i
     join membership m on m.organization_id = i.organization_id join app_user u on u.id = m.user_id and u.active
     join organization o on o.id = i.organization_id
     where i.wave_id = ? ${pending} order by o.name_sq, u.email`,
    [waveId],
  );
  return rows.map((r) => ({ userId: r.user_id, email: r.email, organizationId: r.organization_id, organizationName: r.name_sq }));
}
