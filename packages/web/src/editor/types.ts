import type { OrganizationEditorQuery as EditorResult } from '../gql/graphql';

/** The record the editor loaded, and its parts. */
export type Org = NonNullable<EditorResult['organization']>;
export type Svc = Org['services'][number];
export type Loc = Org['locations'][number];
export type Lic = Org['licences'][number];
