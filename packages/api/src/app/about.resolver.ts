import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { loadConfig } from '../core/config';
import { readQuery } from '../core/read';
import type { GraphQLContext } from './context';

@ObjectType()
export class DataLicence {
  @Field(() => String) name!: string;
  @Field(() => String) url!: string;
}

@ObjectType({ description: 'What this registry holds and under which terms; says whether fictional demo records are present.' })
export class RegistryInfo {
  @Field(() => String) name!: string;
  @Field(() => DataLicence) dataLicence!: DataLicence;
  @Field(() => Int) organizations!: number;
  @Field(() => Int, { description: 'Fictional demo organizations (isDemo: true); never real data.' }) demoOrganizations!: number;
  @Field(() => Boolean) includesDemoData!: boolean;
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
