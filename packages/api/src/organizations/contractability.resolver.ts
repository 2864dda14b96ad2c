import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Row } from '../core/projection';
import { DateScalar } from '../core/scalars';
import { contractableRule } from './contractable-rule';
import { evaluateContractability } from './contractability';
import { Contractability } from './contractability.types';
import { Organization } from './organization.entity';
import { NearInput } from './organization.inputs';
import type { OrganizationsContext } from './organization.loaders';

@Resolver(() => Organization)
export class OrganizationContractabilityResolver {
  @FieldResolver(() => Contractability, {
    description:
      'The contractable rule (DESIGN section 2) for this organization, condition by condition: the same rule as the contractableFor (with `municipality`) and contractableNear (with `near`) filters. Give exactly one of municipality and near.',
  })
  async contractability(
    @Root() organization: Row<Organization>,
    @Ctx() ctx: OrganizationsContext,
    @Arg('category', () => ID, { description: 'Service category code C; a parent category includes the categories below it.' }) category: string,
    @Arg('municipality', () => ID, { nullable: true, description: 'Municipality code M the service must serve (its area or a site there).' })
    municipality?: string | null,
    @Arg('near', () => NearInput, { nullable: true, description: 'Instead of a municipality: the service is delivered at a site within radiusKm of the point.' })
    near?: NearInput | null,
    @Arg('on', () => DateScalar, { nullable: true, description: 'Date D the licence must be valid on (YYYY-MM-DD; default today in Kosovo).' }) on?: string | null,
  ): Promise<Contractability> {
    const catalog = await ctx.catalog();
    const rule = contractableRule(catalog, { category, municipality, near, on }, 'contractability');
    // Every organization of a page asks with the same arguments: one statement for all of them.
    const key = JSON.stringify([category, municipality ?? null, near ? [near.lat, near.lng, near.radiusKm] : null, rule.on]);
    let loader = ctx.loaders.contractability.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const reports = await evaluateContractability(ctx.em, catalog, rule, ids);
        return ids.map((id) => reports.get(id) ?? new Error(`No organization ${id}.`));
      });
      ctx.loaders.contractability.set(key, loader);
    }
    return loader.load(organization.id);
  }
}
