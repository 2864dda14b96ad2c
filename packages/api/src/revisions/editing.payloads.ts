import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-errors';
import { Licence } from '../licences/licence.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { Service } from '../services/service.entity';

@ObjectType({ description: 'Result of an organization mutation: the organization as written, or userErrors.' })
export class OrganizationPayload {
  @Field(() => Organization, { description: 'The organization as written; null when userErrors is not empty.', nullable: true }) organization!: Organization | null;
  @Field(() => [UserError], { description: 'Why nothing was written: empty on success; each error names the input field, a message and a code.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of createService or updateService: the service as written, or userErrors.' })
export class ServicePayload {
  @Field(() => Service, { description: 'The service as written; null when userErrors is not empty.', nullable: true }) service!: Service | null;
  @Field(() => [UserError], { description: 'Why nothing was written: empty on success; each error names the input field, a message and a code.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deleteService: the deleted service\'s id, or userErrors.' })
export class DeleteServicePayload {
  @Field(() => ID, { description: 'The id of the deleted service; null when userErrors is not empty.', nullable: true }) deletedServiceId!: string | null;
  @Field(() => [UserError], { description: 'Why nothing was written: empty on success; each error names the input field, a message and a code.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of createLocation or updateLocation: the site as written, or userErrors.' })
export class LocationPayload {
  @Field(() => Location, { description: 'The site as written; null when userErrors is not empty.', nullable: true }) location!: Location | null;
  @Field(() => [UserError], { description: 'Why nothing was written: empty on success; each error names the input field, a message and a code.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deleteLocation: the deleted site\'s id, or userErrors.' })
export class DeleteLocationPayload {
  @Field(() => ID, { description: 'The id of the deleted site; null when userErrors is not empty.', nullable: true }) deletedLocationId!: string | null;
  @Field(() => [UserError], { description: 'Why nothing was written: empty on success; each error names the input field, a message and a code.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of createLicence or updateLicence: the licence as written, or userErrors.' })
export class LicencePayload {
  @Field(() => Licence, { description: 'The licence as written; null when userErrors is not empty.', nullable: true }) licence!: Licence | null;
  @Field(() => [UserError], { description: 'Why nothing was written: empty on success; each error names the input field, a message and a code.' }) userErrors!: UserError[];
}
