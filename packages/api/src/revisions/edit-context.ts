import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActorContext } from '../access/actor-context';
import type { Actor } from '../access/policy';
import type { ReferenceCatalog } from '../reference/reference-catalog';

/** What the write services need from a request: its EntityManager, the catalog and the signed-in actor. */
export interface EditContext {
  em: EntityManager;
  catalog: ReferenceCatalog;
  actor: Actor | null;
}

/** What every audited, editable record has: an id, an optimistic-lock version, and (but for the organization) its organization. */
export type Versioned = { id: string; version: number; updatedAt: Date; organization?: { id: string } };

export async function editContext(ctx: ActorContext): Promise<EditContext> {
  const [catalog, actor] = await Promise.all([ctx.catalog(), ctx.actor()]);
  return { em: ctx.em, catalog, actor };
}
