import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Municipality } from '../geography/municipality.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { OrganizationRecordsResolver } from '../organizations/organization-records';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import { Service } from './service.entity';
import { withCatalog } from '../reference/catalog-context';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { prefetched, type Row } from '../core/projection';
import type { ServiceLinks, ServicesContext } from './service.loaders';
import { NameAndDescriptionResolver } from '../core/localized-resolvers';

function present<T>(items: (T | null | undefined)[]): T[] {
  return items.filter((i): i is T => i !== null && i !== undefined);
}

type LinkKey = Exclude<keyof ServiceLinks, 'locationIds'>;

/**
 * A compiled service (core/projection.ts) carries the ids it was asked for: answered synchronously
 * once the request has its catalog. Others come from the loader.
 */
function withIds<T>(service: Row<Service>, ctx: ServicesContext, key: LinkKey, use: (ids: string[], catalog: ReferenceCatalog) => T): T | Promise<T> {
  const carried = (service as Partial<ServiceLinks>)[key];
  if (carried) return withCatalog(ctx, (catalog) => use(carried, catalog));
  return Promise.all([ctx.loaders.serviceLinks.load(service.id), ctx.catalog()]).then(([links, catalog]) => use(links[key], catalog));
}

@Resolver(() => Service)
export class ServiceResolver extends NameAndDescriptionResolver(() => Service) {
  @FieldResolver(() => Organization, { description: 'The organization that provides the service.' })
  async organization(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(service.organization.id))!;
  }

  @FieldResolver(() => [ServiceCategory], { description: 'Service categories of the service.' })
  categories(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): ServiceCategory[] | Promise<ServiceCategory[]> {
    return withIds(service, ctx, 'categoryIds', (ids, catalog) => present(ids.map((id) => catalog.categoriesById.get(id))).sort((a, b) => a.position - b.position));
  }

  @FieldResolver(() => [TargetGroup], { description: 'Groups the service is for.' })
  targetGroups(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): TargetGroup[] | Promise<TargetGroup[]> {
    return withIds(service, ctx, 'targetGroupIds', (ids, catalog) => present(ids.map((id) => catalog.targetGroupsById.get(id))).sort((a, b) => a.position - b.position));
  }

  @FieldResolver(() => [Municipality], { description: 'The municipalities the service serves.' })
  serviceArea(@Root() service: Row<Service>, @Ctx() ctx: ServicesContext): Municipality[] | Promise<Municipality[]> {
    return withIds(service, ctx, 'areaMunicipalityIds', (ids, catalog) => present(ids.map((id) => catalog.municipalitiesById.get(id))).sort((a, b) => a.code.localeCompare(b.code)));
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
export class OrganizationServicesResolver extends OrganizationRecordsResolver('services', () => Service, 'The organization\'s services.', (ctx: ServicesContext, id) => ctx.loaders.servicesByOrganization.load(id)) {}
