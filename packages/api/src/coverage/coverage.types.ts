import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Municipality } from '../geography/municipality.entity';
import { DateTimeScalar } from '../core/scalars';
import { ServiceCategory } from '../taxonomy/service-category.entity';

@InputType({ description: 'Which cells a coverage report holds and which services count.' })
export class CoverageFilter {
  @Field(() => [ID], { nullable: true, description: 'Category codes (each counts its subtree); default every category.' })
  categories?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only services for one of these target groups count.' })
  targetGroups?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Region codes; default every municipality.' })
  regions?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Count demo records (default true).' })
  includeDemo?: boolean | null;
}

@ObjectType({ description: 'Coverage of one category (with the categories below it) in one municipality.' })
export class CoverageCell {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => ServiceCategory) category!: ServiceCategory;

  @Field(() => Int, { description: 'Active organizations with an active service in the category that serves the municipality or have a site there.' })
  providers!: number;

  @Field(() => Int, { description: 'Sites in the municipality of those organizations that offer the category anywhere.' })
  sites!: number;

  @Field(() => Float, { description: 'providers per 10,000 inhabitants (2024 census).' })
  providersPer10k!: number;

  @Field(() => Float, { nullable: true, description: 'Kilometres from the seat to the nearest site, anywhere, of an organization offering the category; null when none exists.' })
  nearestSiteKm!: number | null;
}

@ObjectType()
export class CoverageReport {
  @Field(() => [CoverageCell]) cells!: CoverageCell[];
  @Field(() => [CoverageCell], { description: 'The cells with no provider.' }) gaps!: CoverageCell[];
  @Field(() => DateTimeScalar) generatedAt!: Date;
}
