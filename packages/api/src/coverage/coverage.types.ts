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
  @Field(() => Municipality, { description: 'The municipality.' }) municipality!: Municipality;
  @Field(() => ServiceCategory, { description: 'The service category; the cell counts it and every category below it.' }) category!: ServiceCategory;

  @Field(() => Int, { description: 'Active organizations with an active service in the category that serves the municipality or have a site there.' })
  providers!: number;

  @Field(() => Int, { description: 'Sites in the municipality of those organizations that offer the category anywhere.' })
  sites!: number;

  @Field(() => Float, { description: 'Providers per 10,000 inhabitants: providers × 10,000 / the municipality\'s population (the census of Municipality.populationYear); 0 when the population is 0.' })
  providersPer10k!: number;

  @Field(() => Float, { nullable: true, description: 'Kilometres from the seat to the nearest site, anywhere, of an organization offering the category; null when none exists.' })
  nearestSiteKm!: number | null;
}

@ObjectType({ description: 'Coverage per municipality and service category: the cells of every requested pair, and the gaps among them.' })
export class CoverageReport {
  @Field(() => [CoverageCell], { description: 'One cell per municipality and requested category (every category when none is given), ordered by category then municipality.' }) cells!: CoverageCell[];
  @Field(() => [CoverageCell], { description: 'The cells with no provider.' }) gaps!: CoverageCell[];
  @Field(() => DateTimeScalar, { description: 'When the report was computed (UTC).' }) generatedAt!: Date;
}
