import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { AppConfig } from '../core/config';
import { createCsvWriter, setCsvHeaders, wantsBom } from '../core/csv';
import { pgArray } from '../core/sql';
import { UserErrorsException } from '../core/user-errors';
import { routeActor } from '../accounts/auth';
import { todayInKosovo } from '../geography/geo';
import { loadOwnShortlist } from '../shortlists/shortlist.service';
import { columnsOf, SHORTLIST_FIELDS } from './export-fields';

/** Each shortlisted organization's contact, coverage and licences valid today, one statement for the list. */
async function shortlistRows(em: EntityManager, organizationIds: string[]): Promise<Map<string, Record<string, any>>> {
  if (!organizationIds.length) return new Map();
  const today = todayInKosovo();
  const rows: Record<string, any>[] = await em.execute(
    `select o.id, o.name_sq, o.name_en, o.verification_status, o.status, o.email, o.phone, o.website,` +
      ` array(select distinct m.code from location l join municipality m on m.id = l.municipality_id where l.organization_id = o.id order by 1) as municipalities,` +
      ` array(select distinct c.code from service s join service_category_link sc on sc.service_id = s.id join service_category c on c.id = sc.category_id where s.organization_id = o.id and s.status = 'ACTIVE' order by 1) as categories,` +
      ` (select coalesce(sum(s.capacity_per_year), 0) from service s where s.organization_id = o.id and s.status = 'ACTIVE')::int as capacity_per_year,` +
      ` array(select li.number || ' (' || li.valid_from || ' – ' || coalesce(li.valid_until::text, 'open') || ')' from licence li where li.organization_id = o.id and li.valid_from <= ?::date and (li.valid_until is null or li.valid_until >= ?::date) order by 1) as licences_valid_today,` +
      ` o.is_demo from organization o where o.id = any(?::uuid[])`,
    [today, today, pgArray(organizationIds)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * `/export/shortlists/:id.csv`: a shortlist in its order. A shortlist is private: the owner's session
 * (cookie or bearer) is needed, and another's list is "not found".
 */
export const shortlistCsv = (deps: { orm: MikroORM; config: AppConfig }) => async (req: Request, res: Response) => {
  const em = deps.orm.em.fork();
  const actor = await routeActor(em, req, res, { action: 'shortlist.write', secureCookies: deps.config.nodeEnv === 'production' });
  if (!actor) return;
  let list;
  try {
    list = await loadOwnShortlist(em, actor, String(req.params.id));
  } catch (error) {
    if (error instanceof UserErrorsException) return void res.status(404).json({ error: error.message });
    throw error;
  }
  const entries = [...list.entries.getItems()].sort((a, b) => a.position - b.position);
  const byId = await shortlistRows(em, entries.map((e) => e.organization.id));
  setCsvHeaders(res, { baseName: `civimap-shortlist-${list.id}`, licence: deps.config.dataLicence, generatedAt: new Date() });
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Civimap-Includes-Demo', String([...byId.values()].some((r) => r.is_demo)));
  const writer = createCsvWriter(res, columnsOf(SHORTLIST_FIELDS), { bom: wantsBom(req.query) });
  for (const [i, entry] of entries.entries()) {
    const o = byId.get(entry.organization.id) ?? {};
    await writer.write([i + 1, entry.organization.id, o.name_sq, o.name_en, entry.note, o.verification_status, o.status, o.municipalities ?? [], o.categories ?? [], o.capacity_per_year, o.licences_valid_today ?? [], o.email, o.phone, o.website, o.is_demo]);
  }
  await writer.end();
};
