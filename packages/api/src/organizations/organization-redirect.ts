import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A merged organization's id keeps working: its active merge (table organization_merge, written by
 * src/merges/) redirects it to the kept record. A chain (A merged into B, then B into C) is followed
 * to its end, so A resolves to C. The merged row itself is gone, so search, the map, coverage,
 * exports and the HSDS lists never see it; only reads by id ask here, and only when the id is not
 * an organization (no extra statement for the ids that are).
 */
const CHAIN_SQL = `
  with recursive chain(id, depth) as (
    select m.kept_id, 1 from organization_merge m where m.merged_id = ? and m.undone_at is null
    union all
    select m.kept_id, c.depth + 1 from organization_merge m join chain c on m.merged_id = c.id
     where m.undone_at is null and c.depth < 50)
  select id from chain order by depth desc limit 1`;

/** The organization a merged id now stands for (the end of its chain of merges), or null when it was never merged. */
export async function redirectedOrganizationId(em: EntityManager, id: string): Promise<string | null> {
  const rows = await em.execute<{ id: string }[]>(CHAIN_SQL, [id.toLowerCase()]);
  return rows[0]?.id ?? null;
}

/** The ids merged into this organization, directly or along a chain: their history is now this record's. */
export async function absorbedOrganizationIds(em: EntityManager, id: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `with recursive absorbed(id, depth) as (
       select m.merged_id, 1 from organization_merge m where m.kept_id = ? and m.undone_at is null
       union all
       select m.merged_id, a.depth + 1 from organization_merge m join absorbed a on m.kept_id = a.id
        where m.undone_at is null and a.depth < 50)
     select distinct id from absorbed`,
    [id.toLowerCase()],
  );
  return rows.map((r) => r.id);
}
