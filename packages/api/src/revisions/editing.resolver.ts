import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
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

/** Thin: each mutation hands its input to the editing service and wraps the result in its payload. */
@Resolver()
export class EditingResolver {
  @Mutation(() => OrganizationPayload, { description: 'Changes an organization\'s profile (members and moderators); an UPDATE revision records the changed fields.' })
  async updateOrganization(@Arg('input', () => UpdateOrganizationInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: UpdateOrganizationInput, @Ctx() ctx: ActorContext): Promise<OrganizationPayload> {
    const r = await editing.updateOrganization(await editContext(ctx), input);
    return Object.assign(new OrganizationPayload(), { organization: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => ServicePayload, { description: 'Adds a service to an organization (members and moderators); a CREATE revision records it.' })
  async createService(@Arg('input', () => CreateServiceInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: CreateServiceInput, @Ctx() ctx: ActorContext): Promise<ServicePayload> {
    const r = await editing.createService(await editContext(ctx), input);
    return Object.assign(new ServicePayload(), { service: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => ServicePayload, { description: 'Changes a service (members and moderators); an UPDATE revision records the changed fields.' })
  async updateService(@Arg('input', () => UpdateServiceInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: UpdateServiceInput, @Ctx() ctx: ActorContext): Promise<ServicePayload> {
    const r = await editing.updateService(await editContext(ctx), input);
    return Object.assign(new ServicePayload(), { service: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => DeleteServicePayload, { description: 'Deletes a service (members and moderators); a DELETE revision keeps it for revertRevision.' })
  async deleteService(@Arg('id', () => ID, { description: 'Id of the record to change.' }) id: string, @Arg('version', () => Int, { description: 'The version you read: a stale one changes nothing and returns a STALE_VERSION userError.' }) version: number, @Ctx() ctx: ActorContext): Promise<DeleteServicePayload> {
    const r = await editing.deleteService(await editContext(ctx), id, version);
    return Object.assign(new DeleteServicePayload(), { deletedServiceId: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => LocationPayload, { description: 'The point must lie in Kosovo and in the municipality named.' })
  async createLocation(@Arg('input', () => CreateLocationInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: CreateLocationInput, @Ctx() ctx: ActorContext): Promise<LocationPayload> {
    const r = await editing.createLocation(await editContext(ctx), input);
    return Object.assign(new LocationPayload(), { location: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => LocationPayload, { description: 'Changes a site (members and moderators); an UPDATE revision records the changed fields.' })
  async updateLocation(@Arg('input', () => UpdateLocationInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: UpdateLocationInput, @Ctx() ctx: ActorContext): Promise<LocationPayload> {
    const r = await editing.updateLocation(await editContext(ctx), input);
    return Object.assign(new LocationPayload(), { location: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => DeleteLocationPayload, { description: 'Also removes the site from the services delivered there.' })
  async deleteLocation(@Arg('id', () => ID, { description: 'Id of the record to change.' }) id: string, @Arg('version', () => Int, { description: 'The version you read: a stale one changes nothing and returns a STALE_VERSION userError.' }) version: number, @Ctx() ctx: ActorContext): Promise<DeleteLocationPayload> {
    const r = await editing.deleteLocation(await editContext(ctx), id, version);
    return Object.assign(new DeleteLocationPayload(), { deletedLocationId: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => LicencePayload, { description: 'A new or changed licence is unverified until a moderator verifies the organization again.' })
  async createLicence(@Arg('input', () => CreateLicenceInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: CreateLicenceInput, @Ctx() ctx: ActorContext): Promise<LicencePayload> {
    const r = await editing.createLicence(await editContext(ctx), input);
    return Object.assign(new LicencePayload(), { licence: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => LicencePayload, { description: 'Changes a licence (members and moderators); a licence of a verified organization becomes unverified until a moderator verifies it again.' })
  async updateLicence(@Arg('input', () => UpdateLicenceInput, { description: 'What to write; see the input type for each field\'s rules.' }) input: UpdateLicenceInput, @Ctx() ctx: ActorContext): Promise<LicencePayload> {
    const r = await editing.updateLicence(await editContext(ctx), input);
    return Object.assign(new LicencePayload(), { licence: r.value, userErrors: r.userErrors });
  }
}
