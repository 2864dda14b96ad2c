import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { todayInKosovo } from '../geography/geo';
import { UserInputError } from '../core/errors';
import { DateScalar } from '../core/scalars';
import { Organization } from '../organizations/organization.entity';
import { OrganizationRecordsResolver } from '../organizations/organization-records';
import { Verification } from '../organizations/organization.types';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { Licence } from './licence.entity';
import type { LicencesContext } from './licence.loaders';
import { isCalendarDate } from '../core/validation';
import { withCatalog } from '../reference/catalog-context';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type { Row } from '../core/projection';

export function isLicenceValidOn(licence: Pick<Licence, 'validFrom' | 'validUntil'>, date: string): boolean {
  return licence.validFrom <= date && (!licence.validUntil || licence.validUntil >= date);
}

@Resolver(() => Licence)
export class LicenceResolver {
  @FieldResolver(() => [ServiceCategory], { description: 'Categories the licence covers (and, for a parent, the categories below it).' })
  categories(@Root() licence: Row<Licence>, @Ctx() ctx: LicencesContext): ServiceCategory[] | Promise<ServiceCategory[]> {
    const byPosition = (ids: string[], catalog: ReferenceCatalog) =>
      ids.map((id) => catalog.categoriesById.get(id)!).filter(Boolean).sort((a, b) => a.position - b.position);
    const carried = (licence as { categoryIds?: string[] }).categoryIds;
    if (carried) return withCatalog(ctx, (catalog) => byPosition(carried, catalog));
    return Promise.all([ctx.loaders.licenceCategoryIds.load(licence.id), ctx.catalog()]).then(([ids, catalog]) => byPosition(ids, catalog));
  }

  @FieldResolver(() => Boolean, { description: 'Valid today in Kosovo.' })
  validToday(@Root() licence: Row<Licence>): boolean {
    return isLicenceValidOn(licence, todayInKosovo());
  }

  @FieldResolver(() => Boolean, { description: 'Valid on the given date.' })
  validOn(@Root() licence: Row<Licence>, @Arg('date', () => DateScalar, { description: 'The date to check (YYYY-MM-DD).' }) date: string): boolean {
    if (!isCalendarDate(date)) throw new UserInputError('date must be YYYY-MM-DD.', 'date');
    return isLicenceValidOn(licence, date);
  }

  @FieldResolver(() => Verification, { description: 'Whether a moderator verified the licence.' })
  verification(@Root() licence: Row<Licence>): Verification {
    return { status: licence.verificationStatus, verifiedAt: licence.verifiedAt ?? null };
  }

  @FieldResolver(() => Organization, { description: 'The licensed organization.' })
  async organization(@Root() licence: Row<Licence>, @Ctx() ctx: LicencesContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(licence.organization.id))!;
  }
}

/** Licences of an organization: this module contributes Organization.licences. */
@Resolver(() => Organization)
export class OrganizationLicencesResolver extends OrganizationRecordsResolver('licences', () => Licence, 'Licences the organization holds (from the Ministry\'s licensing of social and family service providers).', (ctx: LicencesContext, id) => ctx.loaders.licencesByOrganization.load(id)) {}
