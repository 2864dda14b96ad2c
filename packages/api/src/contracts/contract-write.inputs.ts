import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../core/scalars';
import { ContractModality, ContractStatus } from './contract.enums';

@InputType({ description: 'A contract or grant an authority awarded. Officers record them for their own authority.' })
export class RecordContractInput {
  @Field(() => ID, { description: 'Public authority code (publicAuthorities lists them).' }) authority!: string;
  @Field(() => ID, { description: 'The provider organization id.' }) provider!: string;
  @Field(() => [ID], { description: 'Service category codes (at least one).' }) categories!: string[];
  @Field(() => ContractModality, { description: 'How the service is contracted.' }) modality!: ContractModality;
  @Field(() => Float, { nullable: true, description: 'Amount in EUR.' }) amount?: number | null;
  @Field(() => DateScalar, { description: 'First day of the contract period (YYYY-MM-DD).', nullable: true }) startDate?: string | null;
  @Field(() => DateScalar, { description: 'Last day of the contract period (YYYY-MM-DD); not before startDate.', nullable: true }) endDate?: string | null;
  @Field(() => DateScalar, { description: 'Date the contract was awarded or signed (YYYY-MM-DD).', nullable: true }) awardDate?: string | null;
  @Field(() => String, { description: 'The authority\'s reference number of the contract or decision.', nullable: true }) reference?: string | null;
  @Field(() => String, { nullable: true, description: 'http(s) link to the contract or its notice.' }) url?: string | null;
  @Field(() => String, { description: 'Title of the contract.', nullable: true }) title?: string | null;
  @Field(() => ContractStatus, { nullable: true, description: 'Default ACTIVE.' }) status?: ContractStatus | null;
  @Field(() => String, {
    nullable: true,
    description: 'A key the client makes once per contract it means to record (a UUID, at most 100 characters): sending the same key again, even at the same moment, answers with the contract already recorded instead of a duplicate.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Changes to a recorded contract; absent fields stay as they are.' })
export class UpdateContractInput {
  @Field(() => ID, { description: 'Id of the record to change.' }) id!: string;
  @Field(() => Int, { description: 'The version you loaded; a stale one fails with STALE_VERSION.' }) version!: number;
  @Field(() => ID, { description: 'The providing organization\'s id.', nullable: true }) provider?: string | null;
  @Field(() => [ID], { description: 'Service category codes the contract pays for; replaces the list.', nullable: true }) categories?: string[] | null;
  @Field(() => ContractModality, { description: 'How the service is contracted.', nullable: true }) modality?: ContractModality | null;
  @Field(() => Float, { description: 'Value of the contract in currency units (EUR); null clears it.', nullable: true }) amount?: number | null;
  @Field(() => DateScalar, { description: 'First day of the contract period (YYYY-MM-DD).', nullable: true }) startDate?: string | null;
  @Field(() => DateScalar, { description: 'Last day of the contract period (YYYY-MM-DD); null when open-ended or not known.', nullable: true }) endDate?: string | null;
  @Field(() => DateScalar, { description: 'Date the contract was awarded or signed (YYYY-MM-DD).', nullable: true }) awardDate?: string | null;
  @Field(() => String, { description: 'The authority\'s reference number of the contract or decision.', nullable: true }) reference?: string | null;
  @Field(() => String, { description: 'Link to the published contract or decision; null clears it.', nullable: true }) url?: string | null;
  @Field(() => String, { description: 'Title of the contract, as the authority gives it.', nullable: true }) title?: string | null;
  @Field(() => ContractStatus, { description: 'Where the contract stands.', nullable: true }) status?: ContractStatus | null;
}
