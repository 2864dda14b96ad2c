import type { EditContext } from '../editing/editing.service';
import type { GraphQLContext } from './context';

/** What the write services need from a request: its EntityManager, the catalog and the signed-in actor. */
export async function editContext(ctx: GraphQLContext): Promise<EditContext> {
  const [catalog, actor] = await Promise.all([ctx.catalog(), ctx.actor()]);
  return { em: ctx.em, catalog, actor };
}
