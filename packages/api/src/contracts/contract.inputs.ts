import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ContractModality, ContractStatus } from './contract.enums';

@InputType({ description: 'Filters combine with AND; values in a list with OR.' })
export class ContractFilter {
  @Field(() => [ID], { nullable: true, description: 'Public authority codes.' }) authorities?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Provider organization ids.' }) providers?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Category codes; a parent matches its children.' }) categories?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Municipality codes (see ContractTotal for how a contract is placed).' }) municipalities?: string[] | null;
  @Field(() => [Int], { nullable: true, description: 'Years of the award date.' }) years?: number[] | null;
  @Field(() => [ContractModality], { nullable: true }) modalities?: ContractModality[] | null;
  @Field(() => [ContractStatus], { nullable: true }) status?: ContractStatus[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Include demo records (default true).' }) includeDemo?: boolean | null;
}

export enum ContractTotalDimension {
  AUTHORITY = 'AUTHORITY',
  CATEGORY = 'CATEGORY',
  MUNICIPALITY = 'MUNICIPALITY',
  YEAR = 'YEAR',
}
registerEnumType(ContractTotalDimension, {
  name: 'ContractTotalDimension',
  description:
    'MUNICIPALITY places a contract in its authority\'s municipality, or for ministries in the municipality of the provider\'s first site. CATEGORY counts a contract once in each of its categories, so category totals may exceed the grand total.',
});
