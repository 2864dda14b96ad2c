import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-errors';
import { Licence } from '../licences/licence.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { Service } from '../services/service.entity';

@ObjectType()
export class OrganizationPayload {
  @Field(() => Organization, { nullable: true }) organization!: Organization | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ServicePayload {
  @Field(() => Service, { nullable: true }) service!: Service | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class DeleteServicePayload {
  @Field(() => ID, { nullable: true }) deletedServiceId!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class LocationPayload {
  @Field(() => Location, { nullable: true }) location!: Location | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class DeleteLocationPayload {
  @Field(() => ID, { nullable: true }) deletedLocationId!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class LicencePayload {
  @Field(() => Licence, { nullable: true }) licence!: Licence | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
