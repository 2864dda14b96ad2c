import { graphql } from '../../gql';

/** The userErrors selection every mutation payload asks for (field path, message, code). */
export const UserErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);
