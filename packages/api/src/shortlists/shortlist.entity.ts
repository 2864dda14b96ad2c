import { Collection, Entity, ManyToOne, OneToMany, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity';
import { BaseEntity, VersionedEntity } from '../core/base.entity';
import { Organization } from '../organizations/organization.entity';

@Entity({ tableName: 'shortlist' })
@ObjectType({ description: 'A named list of organizations an officer is considering, with notes; private to its owner.' })
export class Shortlist extends VersionedEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  owner!: User;

  @Field(() => String, { description: 'Name of the shortlist.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'Free notes on the shortlist.', nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @OneToMany(() => ShortlistEntry, (entry) => entry.shortlist, { orphanRemoval: true })
  entries = new Collection<ShortlistEntry>(this);
}

@Entity({ tableName: 'shortlist_entry' })
@Unique({ properties: ['shortlist', 'organization'] })
@ObjectType({ description: 'One organization on a shortlist, with the officer\'s note.' })
export class ShortlistEntry extends BaseEntity {
  @ManyToOne(() => Shortlist, { deleteRule: 'cascade' })
  shortlist!: Shortlist;

  @ManyToOne(() => Organization, { deleteRule: 'cascade', index: true })
  organization!: Organization;

  @Field(() => String, { description: 'The officer\'s note on the organization.', nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => Int, { description: 'Position in the list, from 0.' })
  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}
