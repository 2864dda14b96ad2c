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
  @Mutation(() => OrganizationPayload)
  async updateOrganization(@Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput, @Ctx() ctx: ActorContext): Promise<OrganizationPayload> {
    const r = await editing.updateOrganization(await editContext(ctx), input);
    return Object.assign(new OrganizationPayload(), { organization: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => ServicePayload)
  async createService(@Arg('input', () => CreateServiceInput) input: CreateServiceInput, @Ctx() ctx: ActorContext): Promise<ServicePayload> {
    const r = await editing.createService(await editContext(ctx), input);
    return Object.assign(new ServicePayload(), { service: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => ServicePayload)
  async updateService(@Arg('input', () => UpdateServiceInput) input: UpdateServiceInput, @Ctx() ctx: ActorContext): Promise<ServicePayload> {
    const r = await editing.updateService(await editContext(ctx), input);
    return Object.assign(new ServicePayload(), { service: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => DeleteServicePayload)
  async deleteService(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: ActorContext): Promise<DeleteServicePayload> {
    const r = await editing.deleteService(await editContext(ctx), id, version);
    return Object.assign(new DeleteServicePayload(), { deletedServiceId: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => LocationPayload, { description: 'The point must lie in Kosovo and in the municipality named.' })
  async createLocation(@Arg('input', () => CreateLocationInput) input: CreateLocationInput, @Ctx() ctx: ActorContext): Promise<LocationPayload> {
    const r = await editing.createLocation(await editContext(ctx), input);
    return Object.assign(new LocationPayload(), { location: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => LocationPayload)
  async updateLocation(@Arg('input', () => UpdateLocationInput) input: UpdateLocationInput, @Ctx() ctx: ActorContext): Promise<LocationPayload> {
    const r = await editing.updateLocation(await editContext(ctx), input);
    return Object.assign(new LocationPayload(), { location: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => DeleteLocationPayload, { description: 'Also removes the site from the services delivered there.' })
  async deleteLocation(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: ActorContext): Promise<DeleteLocationPayload> {
    const r = await editing.deleteLocation(await editContext(ctx), id, version);
    return Object.assign(new DeleteLocationPayload(), { deletedLocationId: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => LicencePayload, { description: 'A new or changed licence is unverified until a moderator verifies the organization again.' })
  async createLicence(@Arg('input', () => CreateLicenceInput) input: CreateLicenceInput, @Ctx() ctx: ActorContext): Promise<LicencePayload> {
    const r = await editing.createLicence(await editContext(ctx), input);
    return Object.assign(new LicencePayload(), { licence: r.value, userErrors: r.userErrors });
  }

  @Mutation(() => LicencePayload)
  async updateLicence(@Arg('input', () => UpdateLicenceInput) input: UpdateLicenceInput, @Ctx() ctx: ActorContext): Promise<LicencePayload> {
    const r = await editing.updateLicence(await editContext(ctx), input);
    return Object.assign(new LicencePayload(), { licence: r.value, userErrors: r.userErrors });
  }
}
