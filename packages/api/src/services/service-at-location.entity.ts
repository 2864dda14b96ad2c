import { Entity, ManyToOne, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../core/base.entity';
import { Location } from '../locations/location.entity';
import { Service } from './service.entity';

/** A service delivered at a site (HSDS service_at_location); has its own id for the HSDS API. */
@Entity({ tableName: 'service_at_location' })
@Unique({ properties: ['service', 'location'] })
export class ServiceAtLocation extends BaseEntity {
  @ManyToOne(() => Service, { deleteRule: 'cascade' })
  service!: Service;

  @ManyToOne(() => Location, { deleteRule: 'cascade', index: true })
  location!: Location;
}
