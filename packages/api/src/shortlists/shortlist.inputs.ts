import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class ShortlistEntryInput {
  @Field(() => ID) organization!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class CreateShortlistInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [ShortlistEntryInput], { nullable: true, description: 'In order.' }) entries?: ShortlistEntryInput[] | null;
}

@InputType({ description: 'Rename, annotate or change the organizations; absent fields stay. entries replaces the whole list.' })
export class UpdateShortlistInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [ShortlistEntryInput], { nullable: true }) entries?: ShortlistEntryInput[] | null;
}
