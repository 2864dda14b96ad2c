import { registerEnumType } from 'type-graphql';

export enum AuthorityKind {
  MINISTRY = 'MINISTRY',
  MUNICIPALITY = 'MUNICIPALITY',
  OTHER = 'OTHER',
}
registerEnumType(AuthorityKind, { name: 'AuthorityKind' , description: 'What kind of public authority contracts services.', valuesConfig: {
    MINISTRY: { description: 'A ministry of the Government of Kosovo.' },
    MUNICIPALITY: { description: 'A municipality (its administration, e.g. the Directorate of Health and Social Welfare).' },
    OTHER: { description: 'Another public body (agency, institute, centre for social work).' },
  } });
