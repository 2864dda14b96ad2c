import { Field, ID, InputType } from 'type-graphql';
import { UpdateInput } from '../core/record-version';

@InputType({ description: 'One entry of a shortlist: an organization and an optional note.' })
export class ShortlistEntryInput {
  @Field(() => ID, { description: 'The organization\'s id.' }) organization!: string;
  @Field(() => String, { description: 'The officer\'s note (up to 1,000 characters).', nullable: true }) note?: string | null;
}

@InputType({ description: 'A new shortlist of the signed-in officer.' })
export class CreateShortlistInput {
  @Field(() => String, { description: 'Name of the shortlist (1 to 300 characters).' }) name!: string;
  @Field(() => String, { description: 'Free notes on the shortlist.', nullable: true }) notes?: string | null;
  @Field(() => [ShortlistEntryInput], { nullable: true, description: 'In order.' }) entries?: ShortlistEntryInput[] | null;
}

@InputType({ description: 'Rename, annotate or change the organizations; absent fields stay. entries replaces the whole list.' })
export class UpdateShortlistInput extends UpdateInput() {
  @Field(() => String, { description: 'New name.', nullable: true }) name?: string | null;
  @Field(() => String, { description: 'New notes; null clears them.', nullable: true }) notes?: string | null;
  @Field(() => [ShortlistEntryInput], { description: 'The entries in their new order; replaces the list.', nullable: true }) entries?: ShortlistEntryInput[] | null;
}
