import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../core/pagination';
import { Contract } from './contract.entity';

@ObjectType()
export class ContractEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Contract) node!: Contract;
}

@ObjectType()
export class ContractConnection {
  @Field(() => [ContractEdge]) edges!: ContractEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field(() => Float, { description: 'Sum of the amounts (EUR) of every matching contract.' }) totalAmount!: number;
}

@ObjectType({ description: 'Contracts and their amounts grouped by one dimension.' })
export class ContractTotal {
  @Field(() => String, { description: 'Authority code, category code, municipality code or year.' }) key!: string;
  @Field(() => String, { description: 'A readable label in the requested language.' }) label!: string;
  @Field(() => Int) contracts!: number;
  @Field(() => Float) amount!: number;
}
