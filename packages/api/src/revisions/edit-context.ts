import type { EditContext } from './editing.service';
import type { ActorContext } from '../access/actor-context';

/** What the write services need from a request: its EntityManager, the catalog and the signed-in actor. */
export async function editContext(ctx: ActorContext): Promise<EditContext> {
  const [catalog, actor] = await Promise.all([ctx.catalog(), ctx.actor()]);
  return { em: ctx.em, catalog, actor };
}
