import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { UserError } from '../core/user-errors';
import { Contract } from './contract.entity';
import { RecordContractInput, UpdateContractInput } from './contract-write.inputs';
import * as contracts from './contract-write.service';
import type { ActorContext } from '../access/actor-context';

@ObjectType()
export class ContractPayload {
  @Field(() => Contract, { nullable: true }) contract!: Contract | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@Resolver()
export class ContractWriteResolver {
  @Mutation(() => ContractPayload, { description: 'Authority officers (for their own authority) and administrators record contracts and grants.' })
  async recordContract(@Arg('input', () => RecordContractInput) input: RecordContractInput, @Ctx() ctx: ActorContext): Promise<ContractPayload> {
    const r = await contracts.recordContract({ em: ctx.em, catalog: await ctx.catalog(), actor: await ctx.actor() }, input);
    return Object.assign(new ContractPayload(), { contract: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => ContractPayload)
  async updateContract(@Arg('input', () => UpdateContractInput) input: UpdateContractInput, @Ctx() ctx: ActorContext): Promise<ContractPayload> {
    const r = await contracts.updateContract({ em: ctx.em, catalog: await ctx.catalog(), actor: await ctx.actor() }, input);
    return Object.assign(new ContractPayload(), { contract: r.value, userErrors: r.userErrors });
  }
}
