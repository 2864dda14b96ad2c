import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../core/scalars';
import { ContractModality, ContractStatus } from './contract.enums';

@InputType({ description: 'A contract or grant an authority awarded. Officers record them for their own authority.' })
export class RecordContractInput {
  @Field(() => ID, { description: 'Public authority code (publicAuthorities lists them).' }) authority!: string;
  @Field(() => ID, { description: 'The provider organization id.' }) provider!: string;
  @Field(() => [ID], { description: 'Service category codes (at least one).' }) categories!: string[];
  @Field(() => ContractModality) modality!: ContractModality;
  @Field(() => Float, { nullable: true, description: 'Amount in EUR.' }) amount?: number | null;
  @Field(() => DateScalar, { nullable: true }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) endDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) awardDate?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => String, { nullable: true, description: 'http(s) link to the contract or its notice.' }) url?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => ContractStatus, { nullable: true, description: 'Default ACTIVE.' }) status?: ContractStatus | null;
}

@InputType({ description: 'Changes to a recorded contract; absent fields stay as they are.' })
export class UpdateContractInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you loaded; a stale one fails with STALE_VERSION.' }) version!: number;
  @Field(() => ID, { nullable: true }) provider?: string | null;
  @Field(() => [ID], { nullable: true }) categories?: string[] | null;
  @Field(() => ContractModality, { nullable: true }) modality?: ContractModality | null;
  @Field(() => Float, { nullable: true }) amount?: number | null;
  @Field(() => DateScalar, { nullable: true }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) endDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) awardDate?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => ContractStatus, { nullable: true }) status?: ContractStatus | null;
}
