import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { ProjectionRegistry } from '../core/projection';
import { readQuery } from '../core/read';
import { Contract } from '../contracts/contract.entity';
import { Licence } from '../licences/licence.entity';
import type { GraphQLContext } from './context';
import { requireUuid } from '../core/ids';
import { Node } from '../core/node';
import { redirectedOrganizationId } from '../organizations/organization-redirect';

const COMPILED = { organization: 'Organization', location: 'Location', service: 'Service' } as const;

const NODE_TABLES = ['organization', 'service', 'location', 'licence', 'contract'] as const;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its id; the id of a merged organization gives the organization it was merged into.' })
  async node(@Arg('id', () => ID, { description: 'A global id (any id this API returns).' }) id: string, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<Node | null> {
    let uuid = requireUuid(id);
    const rows: { kind: (typeof NODE_TABLES)[number] }[] = await ctx.em.execute(
      NODE_TABLES.map((table) => `select '${table}' as kind from ${table} where id = ?`).join(' union all ') + ' limit 1',
      NODE_TABLES.map(() => uuid),
    );
    let kind: (typeof NODE_TABLES)[number] | undefined = rows[0]?.kind;
    if (!kind) {
      const kept = await redirectedOrganizationId(ctx.em, uuid);
      if (kept) [uuid, kind] = [kept, 'organization'];
    }
    // Organizations, sites and services are compiled from the selection (core/projection.ts), the rest loaded.
    const compiled = COMPILED[kind as keyof typeof COMPILED];
    if (compiled) {
      const selection = ProjectionRegistry.selection(info);
      const fields = { [compiled]: { ...selection.Node, ...selection[compiled] } };
      const json = ctx.projections.compile(compiled, [fields], 'x', { typename: true });
      const [row] = await readQuery<{ node: Node }[]>(ctx.em, `select ${json} as node from ${kind} x where x.id = ?`, [uuid]);
      return row?.node ?? null;
    }
    switch (kind) {
      case 'licence':
        return ctx.em.findOne(Licence, uuid);
      case 'contract':
        return ctx.em.findOne(Contract, uuid);
      default:
        return null;
    }
  }
}
