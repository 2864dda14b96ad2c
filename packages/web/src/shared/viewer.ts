// The signed-in viewer with their role and authority, as the role-gated pages (officers' and
// importers') ask for it: not cached, so that signing in or out elsewhere shows at once.
import { graphql } from '../gql';
import type { OfficerViewerQuery as ViewerResult } from '../gql/graphql';

export type Viewer = NonNullable<ViewerResult['me']>;

export const OfficerViewerQuery = graphql(`
  query OfficerViewer($lang: Language!) {
    me {
      id
      displayName
      role
      authority {
        code
        name(lang: $lang)
        municipality {
          code
        }
      }
    }
  }
`);
