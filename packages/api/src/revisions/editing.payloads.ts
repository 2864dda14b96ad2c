import { Field, ID, ObjectType } from 'type-graphql';
import { Licence } from '../licences/licence.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { Service } from '../services/service.entity';
import { WritePayload } from '../core/payload';

@ObjectType({ description: 'Result of an organization mutation: the organization as written, or userErrors.' })
export class OrganizationPayload extends WritePayload('organization', () => Organization, 'The organization as written') {}

@ObjectType({ description: 'Result of createService or updateService: the service as written, or userErrors.' })
export class ServicePayload extends WritePayload('service', () => Service, 'The service as written') {}

@ObjectType({ description: 'Result of deleteService: the deleted service\'s id, or userErrors.' })
export class DeleteServicePayload extends WritePayload('deletedServiceId', () => ID, 'The id of the deleted service') {}

@ObjectType({ description: 'Result of createLocation or updateLocation: the site as written, or userErrors.' })
export class LocationPayload extends WritePayload('location', () => Location, 'The site as written') {}

@ObjectType({ description: 'Result of deleteLocation: the deleted site\'s id, or userErrors.' })
export class DeleteLocationPayload extends WritePayload('deletedLocationId', () => ID, 'The id of the deleted site') {}

@ObjectType({ description: 'Result of createLicence or updateLicence: the licence as written, or userErrors.' })
export class LicencePayload extends WritePayload('licence', () => Licence, 'The licence as written') {}
