// The GraphQL operations of the contracts page.
import { graphql } from '../gql';

export const ContractsQuery = graphql(`
  query Contracts($first: Int!, $after: String, $filter: ContractFilter, $lang: Language!) {
    contracts(first: $first, after: $after, filter: $filter) {
      totalCount
      totalAmount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          reference
          title
          amount
          currency
          modality
          status
          awardDate
          startDate
          endDate
          isDemo
          authority {
            code
            name(lang: $lang)
          }
          provider {
            id
            name(lang: $lang)
          }
          categories {
            code
            name(lang: $lang)
          }
        }
      }
    }
  }
`);

export const ContractTotalsQuery = graphql(`
  query ContractTotals($by: ContractTotalDimension!, $filter: ContractFilter, $lang: Language!) {
    contractTotals(by: $by, filter: $filter, lang: $lang) {
      key
      label
      contracts
      amount
    }
  }
`);

export const PublicAuthoritiesQuery = graphql(`
  query PublicAuthorities($lang: Language!) {
    publicAuthorities {
      code
      kind
      name(lang: $lang)
    }
  }
`);
