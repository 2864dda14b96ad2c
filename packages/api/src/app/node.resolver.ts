import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Contract } from '../contracts/contract.entity';
import { Licence } from '../licences/licence.entity';
import { Service } from '../services/service.entity';
import type { GraphQLContext } from './context';
import { requireUuid } from '../core/ids';
import { Node } from '../core/node';

const NODE_TABLES = ['organization', 'service', 'location', 'licence', 'contract'] as const;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its id.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    const uuid = requireUuid(id);
    const rows: { kind: (typeof NODE_TABLES)[number] }[] = await ctx.em.execute(
      NODE_TABLES.map((table) => `select '${table}' as kind from ${table} where id = ?`).join(' union all ') + ' limit 1',
      NODE_TABLES.map(() => uuid),
    );
    switch (rows[0]?.kind) {
      case 'organization':
        return ctx.loaders.organization.load(uuid);
      case 'location':
        return ctx.loaders.location.load(uuid);
      case 'service':
        return ctx.em.findOne(Service, uuid);
      case 'licence':
        return ctx.em.findOne(Licence, uuid);
      case 'contract':
        return ctx.em.findOne(Contract, uuid);
      default:
        return null;
    }
  }
}
