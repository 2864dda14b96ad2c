// The GraphQL operations of the map page: its sites (fetched by the clustering worker), the result
// list and a site's popup. `npm run codegen` types them from the API's committed SDL.
import { graphql } from '../gql';

/** A site on the map: where it is, whose it is, what it offers (the list and the markers alike). */
export const MapSiteFieldsFragment = graphql(`
  fragment MapSiteFields on MapPoint {
    locationId
    organizationId
    name
    nameLanguage
    lat
    lng
    categoryCodes
  }
`);

export const MapPointsQuery = graphql(`
  query MapPoints($filter: OrganizationFilter, $lang: Language!) {
    mapPoints(filter: $filter, lang: $lang) {
      ...MapSiteFields
      verified
      isDemo
    }
  }
`);

/**
 * Every site of the filter as a compact grid point set (no ids, no names, no flags): what the map
 * clusters. A single site's marker takes its flags and exact position from mapSitesAt.
 */
export const MapPointSetQuery = graphql(`
  query MapPointSet($filter: OrganizationFilter) {
    mapPointSet(filter: $filter) {
      count
      organizations
      hasDemo
      originLat
      originLng
      scale
      bandSize
      firstBand
      bandCounts
      latOffsets
      lngDeltas
    }
  }
`);

/** The ids and names of the sites in some grid cells, for the markers a view shows one by one. */
export const MapSitesAtQuery = graphql(`
  query MapSitesAt($cells: [MapCellInput!]!, $filter: OrganizationFilter, $lang: Language!) {
    mapSitesAt(cells: $cells, filter: $filter, lang: $lang) {
      ...MapSiteFields
      verified
    }
  }
`);

export const OrganizationListQuery = graphql(`
  query OrganizationList($filter: OrganizationFilter, $first: Int!, $after: String, $lang: Language!) {
    organizations(filter: $filter, first: $first, after: $after, orderBy: NAME) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          name(lang: $lang)
          # the names per language: a name shown in Albanian in the Serbian UI is marked lang="sq"
          names {
            ...LocalizedTextFields
          }
          acronym
          isDemo
          verification {
            status
          }
          locations {
            ...SitePlaceFields
          }
        }
      }
    }
  }
`);

export const OrganizationPopupQuery = graphql(`
  query OrganizationPopup($id: ID!, $lang: Language!) {
    organization(id: $id) {
      id
      name(lang: $lang)
      isDemo
      services {
        id
        # each name in the language it has: the popup marks one shown in another language
        names {
          ...LocalizedTextFields
        }
      }
    }
  }
`);
