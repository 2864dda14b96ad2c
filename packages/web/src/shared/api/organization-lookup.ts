// Finding an organization by name and naming a chosen one: the merge pickers and the contract form
// ask for the same two things, so they send the same two operations (and share their cache entries).
import { graphql } from '../../gql';

/** The organizations whose name matches a text (the API's search: any language, with or without diacritics). */
export const OrganizationsByNameQuery = graphql(`
  query OrganizationsByName($text: String!, $first: Int!, $lang: Language!) {
    organizations(first: $first, filter: { text: $text }, lang: $lang) {
      edges {
        node {
          id
          name(lang: $lang)
          registrationNumber
        }
      }
    }
  }
`);

/** A chosen organization's name, in the page's language. */
export const OrganizationNameQuery = graphql(`
  query OrganizationName($id: ID!, $lang: Language!) {
    organization(id: $id) {
      id
      name(lang: $lang)
    }
  }
`);
