// The GraphQL operation of the coverage page.
import { graphql } from '../gql';

export const CoverageQuery = graphql(`
  query Coverage($filter: CoverageFilter, $lang: Language!) {
    coverage(filter: $filter) {
      generatedAt
      cells {
        municipality {
          code
          name(lang: $lang)
          population
          region {
            code
            name(lang: $lang)
          }
          seat {
            lat
            lng
          }
        }
        category {
          code
        }
        providers
        sites
        providersPer10k
        nearestSiteKm
      }
      gaps {
        municipality {
          code
        }
        category {
          code
        }
      }
    }
  }
`);
