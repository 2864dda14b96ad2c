import { type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { prefetched, type Row } from '../core/projection';
import { Organization } from './organization.entity';

/**
 * `Organization.<field>`, a list a module below contributes (services, locations, licences): the records
 * the page's compiled read carried (core/projection.ts), else the module's loader, one statement a page.
 * A new base class per field, since type-graphql hands a base resolver's fields to one subclass.
 */
export function OrganizationRecordsResolver<TRecord extends object, TContext>(
  field: string,
  type: () => ClassType<TRecord>,
  description: string,
  load: (ctx: TContext, organizationId: string) => Promise<TRecord[]>,
) {
  @Resolver(() => Organization)
  abstract class OrganizationRecords {
    // Named after the field: type-graphql binds a field resolver to its type's field by the method's name.
    @FieldResolver(() => [type()], { description })
    [field](@Root() organization: Row<Organization>, @Ctx() ctx: TContext): TRecord[] | Promise<TRecord[]> {
      return prefetched<TRecord>(organization, field) ?? load(ctx, organization.id);
    }
  }
  return OrganizationRecords;
}
