// The requests each scenario sends. Kept in one place so that docs/benchmarks.md can quote them.
import { graphqlRequest, graphqlCheck } from './measure.mjs';

/**
 * The page query: the first page of 50 organizations with nested services (with their categories
 * and target groups) and locations (with their municipality).
 */
export const PAGE_QUERY = /* GraphQL */ `query Page($first: Int!) {
  organizations(first: $first) {
    totalCount
    edges { cursor node {
      id name status verification { status }
      services { id name status capacity categories { code } targetGroups { code } }
      locations { id address point { lat lng } municipality { code } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * The same page from PostGraphile 4: same rows, same order (name_sq, id), same fields. Categories and
 * target groups come through their link tables; PostGraphile cannot order a link table by a column of
 * the table it links to, so it returns them by primary key with their taxonomy position, and the
 * comparison (verify.mjs) puts them in civimap's order (position) before comparing.
 */
export const POSTGRAPHILE_PAGE_QUERY = /* GraphQL */ `query Page($first: Int!) {
  allOrganizations(first: $first, orderBy: [NAME_SQ_ASC, ID_ASC]) {
    totalCount
    edges { cursor node {
      id nameSq status verificationStatus
      servicesByOrganizationId(orderBy: [NAME_SQ_ASC, ID_ASC]) { nodes {
        id nameSq status capacityPerYear
        serviceCategoryLinksByServiceId { nodes { serviceCategoryByCategoryId { code position } } }
        serviceTargetGroupsByServiceId { nodes { targetGroupByTargetGroupId { code position } } }
      } }
      locationsByOrganizationId(orderBy: [NAME_ASC, ID_ASC]) { nodes { id address lat lng municipalityByMunicipalityId { code } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The same page from PostGraphile 5: its Amber preset names a table's id column rowId (id is the Node ID). */
export const POSTGRAPHILE5_PAGE_QUERY = POSTGRAPHILE_PAGE_QUERY.replaceAll(/\bid\b(?= )/g, 'rowId').replaceAll('ID_ASC', 'ROW_ID_ASC');

/** A result list (search, near, bbox, contractable): 20 organizations with what the list shows. */
const LIST_QUERY = /* GraphQL */ `query List($filter: OrganizationFilter) {
  organizations(first: 20, filter: $filter) {
    totalCount
    edges { distanceKm node { id name verification { status } locations { id point { lat lng } municipality { code } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const COVERAGE_QUERY = /* GraphQL */ `query Coverage {
  coverage {
    cells { municipality { code } category { code } providers sites providersPer10k nearestSiteKm }
    gaps { municipality { code } category { code } }
    generatedAt
  }
}`;

// Prishtina's centre; a box of about 12 x 11 km around it.
export const NEAR = { lat: 42.6629, lng: 21.1655, radiusKm: 10 };
export const BBOX = { minLat: 42.61, minLng: 21.09, maxLat: 42.71, maxLng: 21.24 };
export const TEXT = 'shpresa';
export const CONTRACTABLE = { category: 'residential.shelter-domestic-violence', municipality: 'prishtine' };

export const FILTERS = {
  text: { text: TEXT },
  near: { near: NEAR },
  bbox: { bbox: BBOX },
  contractableFor: { contractableFor: CONTRACTABLE },
};

export const civimapScenarios = [
  { key: 'page', label: 'page of 50 (services, locations)', request: graphqlRequest(PAGE_QUERY, { first: 50 }) },
  { key: 'text', label: `text search "${TEXT}" (20)`, request: graphqlRequest(LIST_QUERY, { filter: FILTERS.text }) },
  { key: 'near', label: 'near 10 km (20, by distance)', request: graphqlRequest(LIST_QUERY, { filter: FILTERS.near }) },
  { key: 'bbox', label: 'bbox ~12x11 km (20)', request: graphqlRequest(LIST_QUERY, { filter: FILTERS.bbox }) },
  { key: 'contractableFor', label: 'contractableFor (20)', request: graphqlRequest(LIST_QUERY, { filter: FILTERS.contractableFor }) },
  { key: 'coverage', label: 'coverage, all municipalities x categories', request: graphqlRequest(COVERAGE_QUERY) },
];

export const floorPage = {
  key: 'page.floor',
  label: 'page of 50: floor (hand-written SQL, pg)',
  request: { method: 'POST', path: '/page', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ first: 50 }), check: graphqlCheck },
};

export const postgraphilePage = {
  key: 'page.postgraphile',
  label: 'page of 50: PostGraphile 4',
  request: graphqlRequest(POSTGRAPHILE_PAGE_QUERY, { first: 50 }),
};

export const postgraphile5Page = {
  key: 'page.postgraphile5',
  label: 'page of 50: PostGraphile 5',
  request: graphqlRequest(POSTGRAPHILE5_PAGE_QUERY, { first: 50 }),
};

export const hsdsExport = {
  key: 'hsds',
  label: 'HSDS export, all organizations (ndjson, full_service)',
  request: { method: 'GET', path: '/hsds/organizations?full_service=true&format=ndjson', headers: {}, discardBody: true, check: (s) => (s === 200 ? null : `HTTP ${s}`) },
};
