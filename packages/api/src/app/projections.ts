import type { MikroORM } from '@mikro-orm/postgresql';
import { accountProjections } from '../accounts/account.projection';
import { contractProjections } from '../contracts/contract.projection';
import { ProjectionRegistry } from '../core/projection';
import { licenceProjections } from '../licences/licence.projection';
import { locationProjections } from '../locations/location.projection';
import { organizationProjection } from '../organizations/organization.projection';
import { serviceProjections } from '../services/service.projection';

const registries = new WeakMap<MikroORM, ProjectionRegistry>();

/** Every module's field projections (core/projection.ts), assembled once per ORM. */
export function projectionsOf(orm: MikroORM): ProjectionRegistry {
  let registry = registries.get(orm);
  if (!registry) {
    registry = new ProjectionRegistry(
      orm.getMetadata(),
      [organizationProjection, ...serviceProjections, ...locationProjections, ...licenceProjections, ...contractProjections, ...accountProjections],
      ['Node'],
    );
    registries.set(orm, registry);
  }
  return registry;
}
