import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { UserError } from '../core/user-errors';
import { Contract } from './contract.entity';
import { RecordContractInput, UpdateContractInput } from './contract-write.inputs';
import * as contracts from './contract-write.service';
import type { ActorContext } from '../access/actor-context';

@ObjectType({ description: 'Result of recordContract or updateContract: the contract as written, or userErrors.' })
export class ContractPayload {
  @Field(() => Contract, { description: 'The contract as written; null when userErrors is not empty.', nullable: true }) contract!: Contract | null;
  @Field(() => [UserError], { description: 'Why nothing was written: empty on success; each error names the input field, a message and a code.' }) userErrors!: UserError[];
}

@Resolver()
export class ContractWriteResolver {
  @Mutation(() => ContractPayload, { description: 'Authority officers (for their own authority) and administrators record contracts and grants.' })
  async recordContract(@Arg('input', () => RecordContractInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: RecordContractInput, @Ctx() ctx: ActorContext): Promise<ContractPayload> {
    const r = await contracts.recordContract({ em: ctx.em, catalog: await ctx.catalog(), actor: await ctx.actor() }, input);
    return Object.assign(new ContractPayload(), { contract: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => ContractPayload, { description: 'Changes a contract recorded by the officer\'s authority (officers and admins).' })
  async updateContract(@Arg('input', () => UpdateContractInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: UpdateContractInput, @Ctx() ctx: ActorContext): Promise<ContractPayload> {
    const r = await contracts.updateContract({ em: ctx.em, catalog: await ctx.catalog(), actor: await ctx.actor() }, input);
    return Object.assign(new ContractPayload(), { contract: r.value, userErrors: r.userErrors });
  }
}
