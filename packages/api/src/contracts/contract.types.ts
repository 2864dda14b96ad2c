import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CountedConnectionType, EdgeType } from '../core/connection';
import { Contract } from './contract.entity';

@ObjectType({ description: 'One contract of a page, with its cursor.' })
export class ContractEdge extends EdgeType(() => Contract) {}

@ObjectType({ description: 'A page of contracts (Relay cursor connection) with the total count and amount of every match.' })
export class ContractConnection extends CountedConnectionType(ContractEdge) {
  @Field(() => Float, { description: 'Sum of the amounts (EUR) of every matching contract.' }) totalAmount!: number;
}

@ObjectType({ description: 'Contracts and their amounts grouped by one dimension.' })
export class ContractTotal {
  @Field(() => String, { description: 'Authority code, category code, municipality code or year.' }) key!: string;
  @Field(() => String, { description: 'A readable label in the requested language.' }) label!: string;
  @Field(() => Int, { description: 'Number of contracts in the group.' }) contracts!: number;
  @Field(() => Float, { description: 'Sum of the amounts of the contracts in the group, in EUR (contracts without an amount add nothing).' }) amount!: number;
}
