import { Field, ID, InputType, Int } from 'type-graphql';
import { ContractModality, ContractStatus } from './contract.enums';
import { defineEnum, type EnumValue } from '../core/enums';

@InputType({ description: 'Filters combine with AND; values in a list with OR.' })
export class ContractFilter {
  @Field(() => [ID], { nullable: true, description: 'Public authority codes.' }) authorities?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Provider organization ids.' }) providers?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Category codes; a parent matches its children.' }) categories?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Municipality codes (see ContractTotal for how a contract is placed).' }) municipalities?: string[] | null;
  @Field(() => [Int], { nullable: true, description: 'Years of the award date.' }) years?: number[] | null;
  @Field(() => [ContractModality], { description: 'Only these modalities (any of them).', nullable: true }) modalities?: ContractModality[] | null;
  @Field(() => [ContractStatus], { description: 'Only contracts in one of these statuses.', nullable: true }) status?: ContractStatus[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Include demo records (default true).' }) includeDemo?: boolean | null;
}

export type ContractTotalDimension = EnumValue<typeof ContractTotalDimension>;
export const ContractTotalDimension = defineEnum('ContractTotalDimension', 'MUNICIPALITY places a contract in its authority\'s municipality, or for ministries in the municipality of the provider\'s first site. CATEGORY counts a contract once in each of its categories, so category totals may exceed the grand total.', {
  AUTHORITY: 'One total per awarding authority.',
  CATEGORY: 'One total per service category the contracts pay for (a contract with two categories counts in both).',
  MUNICIPALITY: 'One total per municipality: the authority\'s municipality, or for a ministry the municipality of the provider\'s first site.',
  YEAR: 'One total per year of the award date.',
});
