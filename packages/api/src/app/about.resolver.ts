import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { loadConfig } from '../core/config';
import { readQuery } from '../core/read';
import type { GraphQLContext } from './context';

@ObjectType({ description: 'The licence the registry\'s data is published under.' })
export class DataLicence {
  @Field(() => String, { description: 'Short name of the licence, e.g. "CC BY 4.0".' }) name!: string;
  @Field(() => String, { description: 'URL of the licence text.' }) url!: string;
}

@ObjectType({ description: 'What this registry holds and under which terms; says whether fictional demo records are present.' })
export class RegistryInfo {
  @Field(() => String, { description: 'Name of the registry.' }) name!: string;
  @Field(() => DataLicence, { description: 'The licence the data is published under.' }) dataLicence!: DataLicence;
  @Field(() => Int, { description: 'Number of organizations in the registry.' }) organizations!: number;
  @Field(() => Int, { description: 'Fictional demo organizations (isDemo: true); never real data.' }) demoOrganizations!: number;
  @Field(() => Boolean, { description: 'Whether the registry holds fictional demo records.' }) includesDemoData!: boolean;
}

@Resolver()
export class AboutResolver {
  @Query(() => RegistryInfo, { description: 'About this registry: its licence and whether it holds demo data.' })
  async about(@Ctx() ctx: GraphQLContext): Promise<RegistryInfo> {
    const [row] = await readQuery(ctx.em, 'select count(*)::int as total, count(*) filter (where is_demo)::int as demo from organization');
    return {
      name: 'civimap: registry of civil-society organizations providing social and family services in Kosovo',
      dataLicence: loadConfig().dataLicence,
      organizations: row.total,
      demoOrganizations: row.demo,
      includesDemoData: row.demo > 0,
    };
  }
}
