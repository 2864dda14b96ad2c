import { Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Contract } from './contract.entity';
import { RecordContractInput, UpdateContractInput } from './contract-write.inputs';
import * as contracts from './contract-write.service';
import type { ActorContext } from '../access/actor-context';
import { WritePayload } from '../core/payload';
import { InputArg } from '../core/input-arg';

@ObjectType({ description: 'Result of recordContract or updateContract: the contract as written, or userErrors.' })
export class ContractPayload extends WritePayload('contract', () => Contract, 'The contract as written') {}

@Resolver()
export class ContractWriteResolver {
  @Mutation(() => ContractPayload, { description: 'Authority officers (for their own authority) and administrators record contracts and grants.' })
  async recordContract(@InputArg(() => RecordContractInput) input: RecordContractInput, @Ctx() ctx: ActorContext): Promise<ContractPayload> {
    return ContractPayload.of(await contracts.recordContract({ em: ctx.em, catalog: await ctx.catalog(), actor: await ctx.actor() }, input));
  }

  @Mutation(() => ContractPayload, { description: 'Changes a contract recorded by the officer\'s authority (officers and admins).' })
  async updateContract(@InputArg(() => UpdateContractInput) input: UpdateContractInput, @Ctx() ctx: ActorContext): Promise<ContractPayload> {
    return ContractPayload.of(await contracts.updateContract({ em: ctx.em, catalog: await ctx.catalog(), actor: await ctx.actor() }, input));
  }
}
