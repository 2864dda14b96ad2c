import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Language, localized, OptionalLocalizedText } from '../core/localized-text';
import { Municipality } from '../geography/municipality.entity';
import { LangArg } from '../core/language-arg';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import { Service } from './service.entity';
import { prefetched, type Row } from '../core/projection';
import type { ServiceLinks, ServicesContext } from './service.loaders';

function present<T>(items: (T | null | undefined)[]): T[] {
  return items.filter((i): i is T => i !== null && i !== undefined);
}

/** A compiled service (core/projection.ts) carries the ids it was asked for; others come from the loader. */
async function idsOf(service: Service, ctx: ServicesContext, key: Exclude<keyof ServiceLinks, 'locationIds'>): Promise<string[]> {
  const carried = (service as Partial<ServiceLinks>)[key];
  return carried ?? (await ctx.loaders.serviceLinks.load(service.id))[key];
}

@Resolver(() => Service)
export class ServiceResolver {
  @FieldResolver(() => String)
  name(@Root() service: Row<Service>, @LangArg() lang: Language): string {
    return localized(service.names, lang)!;
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() service: Row<Service>, @LangArg() lang: Language): string | null {
    return localized(service.descriptions, lang);
  }

  @FieldResolver(() => OptionalLocalizedText)
  descriptions(@Root() service: Row<Service>): OptionalLocalizedText {
    return service.descriptions;
  }

  @FieldResolver(() => Organization)
  async organization(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(service.organization.id))!;
  }

  @FieldResolver(() => [ServiceCategory])
  async categories(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): Promise<ServiceCategory[]> {
    const [ids, catalog] = await Promise.all([idsOf(service, ctx, 'categoryIds'), ctx.catalog()]);
    return present(ids.map((id) => catalog.categoriesById.get(id))).sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [TargetGroup])
  async targetGroups(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): Promise<TargetGroup[]> {
    const [ids, catalog] = await Promise.all([idsOf(service, ctx, 'targetGroupIds'), ctx.catalog()]);
    return present(ids.map((id) => catalog.targetGroupsById.get(id))).sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [Municipality], { description: 'The municipalities the service serves.' })
  async serviceArea(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): Promise<Municipality[]> {
    const [ids, catalog] = await Promise.all([idsOf(service, ctx, 'areaMunicipalityIds'), ctx.catalog()]);
    return present(ids.map((id) => catalog.municipalitiesById.get(id))).sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [Location], { description: 'The sites where the service is delivered.' })
  async locations(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): Promise<Location[]> {
    const compiled = prefetched<Location>(service, 'locations');
    if (compiled) return compiled;
    const links = await ctx.loaders.serviceLinks.load(service.id);
    return present(await ctx.loaders.location.loadMany(links.locationIds).then((r) => r.map((x) => (x instanceof Error ? null : x))));
  }
}

/** Services of an organization: this module contributes Organization.services. */
@Resolver(() => Organization)
export class OrganizationServicesResolver {
  @FieldResolver(() => [Service])
  services(@Root() organization: Row<Organization>, @Ctx() ctx: ServicesContext): Service[] | Promise<Service[]> {
    return prefetched<Service>(organization, 'services') ?? ctx.loaders.servicesByOrganization.load(organization.id);
  }
}
