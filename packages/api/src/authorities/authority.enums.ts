import { registerEnumType } from 'type-graphql';

export enum AuthorityKind {
  MINISTRY = 'MINISTRY',
  MUNICIPALITY = 'MUNICIPALITY',
  OTHER = 'OTHER',
}
registerEnumType(AuthorityKind, { name: 'AuthorityKind' });
