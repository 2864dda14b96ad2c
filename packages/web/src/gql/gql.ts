/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ReferenceData($lang: Language!) {\n    regions {\n      code\n      name(lang: $lang)\n    }\n    municipalities {\n      code\n      name(lang: $lang)\n      region {\n        code\n      }\n      population\n      seat {\n        lat\n        lng\n      }\n    }\n    serviceCategories {\n      code\n      name(lang: $lang)\n      parent {\n        code\n      }\n    }\n    targetGroups {\n      code\n      name(lang: $lang)\n    }\n  }\n": typeof types.ReferenceDataDocument,
    "\n  query MunicipalityBoundaries {\n    municipalities {\n      code\n      boundary\n    }\n  }\n": typeof types.MunicipalityBoundariesDocument,
    "\n  query MapPoints($filter: OrganizationFilter, $lang: Language!) {\n    mapPoints(filter: $filter, lang: $lang) {\n      locationId\n      organizationId\n      name\n      lat\n      lng\n      categoryCodes\n      verified\n      isDemo\n    }\n  }\n": typeof types.MapPointsDocument,
    "\n  query OrganizationList($filter: OrganizationFilter, $first: Int!, $after: String, $lang: Language!) {\n    organizations(filter: $filter, first: $first, after: $after, orderBy: NAME) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name(lang: $lang)\n          acronym\n          isDemo\n          verification {\n            status\n          }\n          locations {\n            id\n            municipality {\n              code\n              name(lang: $lang)\n            }\n            point {\n              lat\n              lng\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationListDocument,
    "\n  query OrganizationPopup($id: ID!, $lang: Language!) {\n    organization(id: $id) {\n      id\n      name(lang: $lang)\n      isDemo\n      services {\n        id\n        name(lang: $lang)\n      }\n    }\n  }\n": typeof types.OrganizationPopupDocument,
    "\n  query OrganizationProfile($id: ID!, $lang: Language!) {\n    organization(id: $id) {\n      id\n      name(lang: $lang)\n      names {\n        sq\n        sr\n        en\n      }\n      acronym\n      description(lang: $lang)\n      legalForm\n      registrationNumber\n      registrationDate\n      website\n      email\n      phone\n      yearFounded\n      staffCount\n      volunteerCount\n      status\n      verification {\n        status\n        verifiedAt\n      }\n      lastConfirmedAt\n      isDemo\n      updatedAt\n      services {\n        id\n        name(lang: $lang)\n        description(lang: $lang)\n        status\n        categories {\n          code\n          name(lang: $lang)\n        }\n        targetGroups {\n          code\n          name(lang: $lang)\n        }\n        serviceArea {\n          code\n          name(lang: $lang)\n        }\n        capacity\n        residentialPlaces\n        fee\n        languages\n        eligibility\n      }\n      locations {\n        id\n        name\n        address\n        openingHours\n        accessibility\n        municipality {\n          code\n          name(lang: $lang)\n        }\n        point {\n          lat\n          lng\n        }\n      }\n      licences {\n        id\n        number\n        authority\n        validFrom\n        validUntil\n        validToday\n        categories {\n          code\n          name(lang: $lang)\n        }\n      }\n    }\n  }\n": typeof types.OrganizationProfileDocument,
};
const documents: Documents = {
    "\n  query ReferenceData($lang: Language!) {\n    regions {\n      code\n      name(lang: $lang)\n    }\n    municipalities {\n      code\n      name(lang: $lang)\n      region {\n        code\n      }\n      population\n      seat {\n        lat\n        lng\n      }\n    }\n    serviceCategories {\n      code\n      name(lang: $lang)\n      parent {\n        code\n      }\n    }\n    targetGroups {\n      code\n      name(lang: $lang)\n    }\n  }\n": types.ReferenceDataDocument,
    "\n  query MunicipalityBoundaries {\n    municipalities {\n      code\n      boundary\n    }\n  }\n": types.MunicipalityBoundariesDocument,
    "\n  query MapPoints($filter: OrganizationFilter, $lang: Language!) {\n    mapPoints(filter: $filter, lang: $lang) {\n      locationId\n      organizationId\n      name\n      lat\n      lng\n      categoryCodes\n      verified\n      isDemo\n    }\n  }\n": types.MapPointsDocument,
    "\n  query OrganizationList($filter: OrganizationFilter, $first: Int!, $after: String, $lang: Language!) {\n    organizations(filter: $filter, first: $first, after: $after, orderBy: NAME) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name(lang: $lang)\n          acronym\n          isDemo\n          verification {\n            status\n          }\n          locations {\n            id\n            municipality {\n              code\n              name(lang: $lang)\n            }\n            point {\n              lat\n              lng\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationListDocument,
    "\n  query OrganizationPopup($id: ID!, $lang: Language!) {\n    organization(id: $id) {\n      id\n      name(lang: $lang)\n      isDemo\n      services {\n        id\n        name(lang: $lang)\n      }\n    }\n  }\n": types.OrganizationPopupDocument,
    "\n  query OrganizationProfile($id: ID!, $lang: Language!) {\n    organization(id: $id) {\n      id\n      name(lang: $lang)\n      names {\n        sq\n        sr\n        en\n      }\n      acronym\n      description(lang: $lang)\n      legalForm\n      registrationNumber\n      registrationDate\n      website\n      email\n      phone\n      yearFounded\n      staffCount\n      volunteerCount\n      status\n      verification {\n        status\n        verifiedAt\n      }\n      lastConfirmedAt\n      isDemo\n      updatedAt\n      services {\n        id\n        name(lang: $lang)\n        description(lang: $lang)\n        status\n        categories {\n          code\n          name(lang: $lang)\n        }\n        targetGroups {\n          code\n          name(lang: $lang)\n        }\n        serviceArea {\n          code\n          name(lang: $lang)\n        }\n        capacity\n        residentialPlaces\n        fee\n        languages\n        eligibility\n      }\n      locations {\n        id\n        name\n        address\n        openingHours\n        accessibility\n        municipality {\n          code\n          name(lang: $lang)\n        }\n        point {\n          lat\n          lng\n        }\n      }\n      licences {\n        id\n        number\n        authority\n        validFrom\n        validUntil\n        validToday\n        categories {\n          code\n          name(lang: $lang)\n        }\n      }\n    }\n  }\n": types.OrganizationProfileDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferenceData($lang: Language!) {\n    regions {\n      code\n      name(lang: $lang)\n    }\n    municipalities {\n      code\n      name(lang: $lang)\n      region {\n        code\n      }\n      population\n      seat {\n        lat\n        lng\n      }\n    }\n    serviceCategories {\n      code\n      name(lang: $lang)\n      parent {\n        code\n      }\n    }\n    targetGroups {\n      code\n      name(lang: $lang)\n    }\n  }\n"): typeof import('./graphql').ReferenceDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MunicipalityBoundaries {\n    municipalities {\n      code\n      boundary\n    }\n  }\n"): typeof import('./graphql').MunicipalityBoundariesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapPoints($filter: OrganizationFilter, $lang: Language!) {\n    mapPoints(filter: $filter, lang: $lang) {\n      locationId\n      organizationId\n      name\n      lat\n      lng\n      categoryCodes\n      verified\n      isDemo\n    }\n  }\n"): typeof import('./graphql').MapPointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationList($filter: OrganizationFilter, $first: Int!, $after: String, $lang: Language!) {\n    organizations(filter: $filter, first: $first, after: $after, orderBy: NAME) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name(lang: $lang)\n          acronym\n          isDemo\n          verification {\n            status\n          }\n          locations {\n            id\n            municipality {\n              code\n              name(lang: $lang)\n            }\n            point {\n              lat\n              lng\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizationListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationPopup($id: ID!, $lang: Language!) {\n    organization(id: $id) {\n      id\n      name(lang: $lang)\n      isDemo\n      services {\n        id\n        name(lang: $lang)\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizationPopupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationProfile($id: ID!, $lang: Language!) {\n    organization(id: $id) {\n      id\n      name(lang: $lang)\n      names {\n        sq\n        sr\n        en\n      }\n      acronym\n      description(lang: $lang)\n      legalForm\n      registrationNumber\n      registrationDate\n      website\n      email\n      phone\n      yearFounded\n      staffCount\n      volunteerCount\n      status\n      verification {\n        status\n        verifiedAt\n      }\n      lastConfirmedAt\n      isDemo\n      updatedAt\n      services {\n        id\n        name(lang: $lang)\n        description(lang: $lang)\n        status\n        categories {\n          code\n          name(lang: $lang)\n        }\n        targetGroups {\n          code\n          name(lang: $lang)\n        }\n        serviceArea {\n          code\n          name(lang: $lang)\n        }\n        capacity\n        residentialPlaces\n        fee\n        languages\n        eligibility\n      }\n      locations {\n        id\n        name\n        address\n        openingHours\n        accessibility\n        municipality {\n          code\n          name(lang: $lang)\n        }\n        point {\n          lat\n          lng\n        }\n      }\n      licences {\n        id\n        number\n        authority\n        validFrom\n        validUntil\n        validToday\n        categories {\n          code\n          name(lang: $lang)\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizationProfileDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
