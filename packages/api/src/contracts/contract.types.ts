import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CountedConnectionType, EdgeType } from '../core/connection';
import { Contract } from './contract.entity';

@ObjectType()
export class ContractEdge extends EdgeType(() => Contract) {}

@ObjectType()
export class ContractConnection extends CountedConnectionType(ContractEdge) {
  @Field(() => Float, { description: 'Sum of the amounts (EUR) of every matching contract.' }) totalAmount!: number;
}

@ObjectType({ description: 'Contracts and their amounts grouped by one dimension.' })
export class ContractTotal {
  @Field(() => String, { description: 'Authority code, category code, municipality code or year.' }) key!: string;
  @Field(() => String, { description: 'A readable label in the requested language.' }) label!: string;
  @Field(() => Int) contracts!: number;
  @Field(() => Float) amount!: number;
}
