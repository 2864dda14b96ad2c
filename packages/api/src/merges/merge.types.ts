import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { JSONScalar } from '../core/scalars';
import { WritePayload } from '../core/payload';
import { Organization } from '../organizations/organization.entity';
import type { MoveKind } from './merge-moves';
import { MergeSource } from './merge.service';

@InputType({ description: 'The value the kept record takes for one field.' })
export class MergeFieldChoice {
  @Field(() => String, { description: 'The field, as organizationMergePreview names it (e.g. "website", "names.en", "fundingMix.other").' }) field!: string;
  @Field(() => MergeSource, { description: 'Whose value: the kept record\'s or the merged one\'s.' }) source!: MergeSource;
}

@InputType({ description: 'Merge a duplicate organization into the one to keep.' })
export class MergeOrganizationsInput {
  @Field(() => ID, { description: 'The organization that stays (it keeps its id, verification and history, and gains the other\'s).' }) keptId!: string;
  @Field(() => Int, { description: 'The kept organization\'s version you compared: a stale one merges nothing (STALE_VERSION).' }) keptVersion!: number;
  @Field(() => ID, { description: 'The duplicate: it becomes a redirect to the kept one.' }) mergedId!: string;
  @Field(() => Int, { description: 'The duplicate\'s version you compared: a stale one merges nothing (STALE_VERSION).' }) mergedVersion!: number;
  @Field(() => [MergeFieldChoice], { nullable: true, description: 'Per field, whose value the kept record takes; fields not listed keep the kept record\'s value.' })
  fields?: MergeFieldChoice[] | null;
  @Field(() => String, { nullable: true, description: 'Why (kept in both revisions); at most 1,000 characters.' }) reason?: string | null;
}

@ObjectType({ description: 'How many rows of each kind belong to the duplicate (a preview) or moved to the kept record (a merge).' })
export class MergeMoves implements Record<MoveKind, number> {
  @Field(() => Int, { description: 'Services.' }) services!: number;
  @Field(() => Int, { description: 'Sites (locations).' }) sites!: number;
  @Field(() => Int, { description: 'Licences.' }) licences!: number;
  @Field(() => Int, { description: 'Contracts and grants (as provider).' }) contracts!: number;
  @Field(() => Int, { description: 'Memberships (a user member of both keeps the kept record\'s membership).' }) memberships!: number;
  @Field(() => Int, { description: 'Entries on officers\' shortlists.' }) shortlistEntries!: number;
  @Field(() => Int, { description: 'Claims (a claimant\'s second pending claim is dropped).' }) claims!: number;
  @Field(() => Int, { description: 'Invitations to join.' }) invitations!: number;
  @Field(() => Int, { description: 'Survey invitations (one per organization and wave: the kept record\'s wins).' }) surveyInvitations!: number;
  @Field(() => Int, { description: 'Survey responses (one per organization and wave: the kept record\'s wins).' }) surveyResponses!: number;
  @Field(() => Int, { description: 'Survey notices to members.' }) surveyNotices!: number;
}

@ObjectType({ description: 'One field of the two records side by side.' })
export class MergeFieldComparison {
  @Field(() => String, { description: 'The field\'s name, to pass back in MergeFieldChoice.field.' }) field!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'The kept record\'s value (JSON; null when empty).' }) kept!: unknown;
  @Field(() => JSONScalar, { nullable: true, description: 'The duplicate\'s value (JSON; null when empty).' }) merged!: unknown;
  @Field(() => Boolean, { description: 'Whether the values differ (only then is there a choice to make).' }) differs!: boolean;
}

@ObjectType({ description: 'Two organizations side by side before a merge: their fields and what would move.' })
export class OrganizationMergePreview {
  @Field(() => Organization, { description: 'The organization to keep.' }) kept!: Organization;
  @Field(() => Organization, { description: 'The duplicate to merge into it.' }) merged!: Organization;
  @Field(() => [MergeFieldComparison], { description: 'Every field a merge chooses, in a stable order.' }) fields!: MergeFieldComparison[];
  @Field(() => MergeMoves, { description: 'What belongs to the duplicate and would move (duplicates of the kept record\'s rows are dropped, and restored if the merge is undone).' })
  moves!: MergeMoves;
  @Field(() => Int, { description: 'Revisions of the duplicate: its history shows in the kept record\'s from then on.' }) revisions!: number;
}

@ObjectType({ description: 'A merge of a duplicate into a kept organization (an active one is the duplicate\'s redirect).' })
export class OrganizationMerge {
  @Field(() => ID, { description: 'The merge\'s id.' }) id!: string;
  @Field(() => Date, { description: 'When it was merged.' }) createdAt!: Date;
  @Field(() => ID, { description: 'The organization kept.' }) keptId!: string;
  @Field(() => ID, { description: 'The duplicate\'s id (it resolves to the kept record while the merge stands).' }) mergedId!: string;
  @Field(() => String, { description: 'The duplicate\'s Albanian name, as it was.' }) mergedName!: string;
  @Field(() => MergeMoves, { description: 'What moved to the kept record.' }) moved!: MergeMoves;
  @Field(() => MergeMoves, { description: 'Rows of the duplicate dropped because the kept record had their like (restored by unmergeOrganization).' }) dropped!: MergeMoves;
  @Field(() => Date, { nullable: true, description: 'When the merge was undone; null while it stands.' }) undoneAt!: Date | null;
}

@ObjectType({ description: 'Result of mergeOrganizations: the kept organization and the merge, or userErrors.' })
export class MergeOrganizationsPayload extends WritePayload('organization', () => Organization, 'The kept organization as written') {
  @Field(() => OrganizationMerge, { nullable: true, description: 'The merge (undo it with unmergeOrganization); null when userErrors is not empty.' }) merge!: OrganizationMerge | null;
}

@ObjectType({ description: 'Result of unmergeOrganization: both organizations as written, or userErrors.' })
export class UnmergeOrganizationPayload extends WritePayload('organization', () => Organization, 'The organization restored') {
  @Field(() => Organization, { nullable: true, description: 'The organization it had been merged into; null when userErrors is not empty.' }) kept!: Organization | null;
}
