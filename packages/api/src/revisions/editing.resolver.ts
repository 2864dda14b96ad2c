import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { RecordVersionArgs } from '../core/record-version';
import { editContext } from './edit-context';
import {
  CreateLicenceInput,
  CreateLocationInput,
  CreateServiceInput,
  UpdateLicenceInput,
  UpdateLocationInput,
  UpdateOrganizationInput,
  UpdateServiceInput,
} from './editing.inputs';
import { DeleteLocationPayload, DeleteServicePayload, LicencePayload, LocationPayload, OrganizationPayload, ServicePayload } from './editing.payloads';
import * as editing from './editing.service';
import type { ActorContext } from '../access/actor-context';
import { InputArg } from '../core/input-arg';

/** Thin: each mutation hands its input to the editing service and wraps the result in its payload. */
@Resolver()
export class EditingResolver {
  @Mutation(() => OrganizationPayload, { description: 'Changes an organization\'s profile (members and moderators); an UPDATE revision records the changed fields.' })
  async updateOrganization(@InputArg(() => UpdateOrganizationInput) input: UpdateOrganizationInput, @Ctx() ctx: ActorContext): Promise<OrganizationPayload> {
    return OrganizationPayload.of(await editing.updateOrganization(await editContext(ctx), input));
  }

  @Mutation(() => ServicePayload, { description: 'Adds a service to an organization (members and moderators); a CREATE revision records it.' })
  async createService(@InputArg(() => CreateServiceInput) input: CreateServiceInput, @Ctx() ctx: ActorContext): Promise<ServicePayload> {
    return ServicePayload.of(await editing.createService(await editContext(ctx), input));
  }

  @Mutation(() => ServicePayload, { description: 'Changes a service (members and moderators); an UPDATE revision records the changed fields.' })
  async updateService(@InputArg(() => UpdateServiceInput) input: UpdateServiceInput, @Ctx() ctx: ActorContext): Promise<ServicePayload> {
    return ServicePayload.of(await editing.updateService(await editContext(ctx), input));
  }

  @Mutation(() => DeleteServicePayload, { description: 'Deletes a service (members and moderators); a DELETE revision keeps it for revertRevision.' })
  async deleteService(@Args(() => RecordVersionArgs) { id, version }: RecordVersionArgs, @Ctx() ctx: ActorContext): Promise<DeleteServicePayload> {
    return DeleteServicePayload.of(await editing.deleteService(await editContext(ctx), id, version));
  }

  @Mutation(() => LocationPayload, { description: 'The point must lie in Kosovo and in the municipality named.' })
  async createLocation(@InputArg(() => CreateLocationInput) input: CreateLocationInput, @Ctx() ctx: ActorContext): Promise<LocationPayload> {
    return LocationPayload.of(await editing.createLocation(await editContext(ctx), input));
  }

  @Mutation(() => LocationPayload, { description: 'Changes a site (members and moderators); an UPDATE revision records the changed fields.' })
  async updateLocation(@InputArg(() => UpdateLocationInput) input: UpdateLocationInput, @Ctx() ctx: ActorContext): Promise<LocationPayload> {
    return LocationPayload.of(await editing.updateLocation(await editContext(ctx), input));
  }

  @Mutation(() => DeleteLocationPayload, { description: 'Also removes the site from the services delivered there.' })
  async deleteLocation(@Args(() => RecordVersionArgs) { id, version }: RecordVersionArgs, @Ctx() ctx: ActorContext): Promise<DeleteLocationPayload> {
    return DeleteLocationPayload.of(await editing.deleteLocation(await editContext(ctx), id, version));
  }

  @Mutation(() => LicencePayload, { description: 'A new or changed licence is unverified until a moderator verifies the organization again.' })
  async createLicence(@InputArg(() => CreateLicenceInput) input: CreateLicenceInput, @Ctx() ctx: ActorContext): Promise<LicencePayload> {
    return LicencePayload.of(await editing.createLicence(await editContext(ctx), input));
  }

  @Mutation(() => LicencePayload, { description: 'Changes a licence (members and moderators); a licence of a verified organization becomes unverified until a moderator verifies it again.' })
  async updateLicence(@InputArg(() => UpdateLicenceInput) input: UpdateLicenceInput, @Ctx() ctx: ActorContext): Promise<LicencePayload> {
    return LicencePayload.of(await editing.updateLicence(await editContext(ctx), input));
  }
}
