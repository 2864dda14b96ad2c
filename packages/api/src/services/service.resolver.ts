import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Language, localized, OptionalLocalizedText } from '../core/localized-text';
import { Municipality } from '../geography/municipality.entity';
import { LangArg } from '../core/language-arg';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import { Service } from './service.entity';
import type { ServicesContext } from './service.loaders';

function present<T>(items: (T | null | undefined)[]): T[] {
  return items.filter((i): i is T => i !== null && i !== undefined);
}

@Resolver(() => Service)
export class ServiceResolver {
  @FieldResolver(() => String)
  name(@Root() service: Service, @LangArg() lang: Language): string {
    return localized(service.names, lang)!;
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() service: Service, @LangArg() lang: Language): string | null {
    return localized(service.descriptions, lang);
  }

  @FieldResolver(() => OptionalLocalizedText)
  descriptions(@Root() service: Service): OptionalLocalizedText {
    return service.descriptions;
  }

  @FieldResolver(() => Organization)
  async organization(@Root() service: Service, @Ctx() ctx: ServicesContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(service.organization.id))!;
  }

  @FieldResolver(() => [ServiceCategory])
  async categories(@Root() service: Service, @Ctx() ctx: ServicesContext): Promise<ServiceCategory[]> {
    const [links, catalog] = await Promise.all([ctx.loaders.serviceLinks.load(service.id), ctx.catalog()]);
    return present(links.categoryIds.map((id) => catalog.categoriesById.get(id))).sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [TargetGroup])
  async targetGroups(@Root() service: Service, @Ctx() ctx: ServicesContext): Promise<TargetGroup[]> {
    const [links, catalog] = await Promise.all([ctx.loaders.serviceLinks.load(service.id), ctx.catalog()]);
    return present(links.targetGroupIds.map((id) => catalog.targetGroupsById.get(id))).sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [Municipality], { description: 'The municipalities the service serves.' })
  async serviceArea(@Root() service: Service, @Ctx() ctx: ServicesContext): Promise<Municipality[]> {
    const [links, catalog] = await Promise.all([ctx.loaders.serviceLinks.load(service.id), ctx.catalog()]);
    return present(links.areaMunicipalityIds.map((id) => catalog.municipalitiesById.get(id))).sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [Location], { description: 'The sites where the service is delivered.' })
  async locations(@Root() service: Service, @Ctx() ctx: ServicesContext): Promise<Location[]> {
    const links = await ctx.loaders.serviceLinks.load(service.id);
    return present(await ctx.loaders.location.loadMany(links.locationIds).then((r) => r.map((x) => (x instanceof Error ? null : x))));
  }
}

/** Services of an organization: this module contributes Organization.services. */
@Resolver(() => Organization)
export class OrganizationServicesResolver {
  @FieldResolver(() => [Service])
  services(@Root() organization: Organization, @Ctx() ctx: ServicesContext): Promise<Service[]> {
    return ctx.loaders.servicesByOrganization.load(organization.id);
  }
}
