import { Entity } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { ReferenceEntity } from '../core/reference.entity';

@Entity({ tableName: 'region' })
@ObjectType({ description: 'One of the seven regions (districts) of Kosovo.' })
export class Region extends ReferenceEntity {}
