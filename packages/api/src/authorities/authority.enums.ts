import { defineEnum, type EnumValue } from '../core/enums';

export type AuthorityKind = EnumValue<typeof AuthorityKind>;
export const AuthorityKind = defineEnum('AuthorityKind', 'What kind of public authority contracts services.', {
  MINISTRY: 'A ministry of the Government of Kosovo.',
  MUNICIPALITY: 'A municipality (its administration, e.g. the Directorate of Health and Social Welfare).',
  OTHER: 'Another public body (agency, institute, centre for social work).',
});
