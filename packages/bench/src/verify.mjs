// Before the page query is measured, every server's answer is checked to be the same rows, in the
// same order, with the same fields: a comparison of unequal work would measure nothing. Each answer
// is put into one canonical shape (the names differ: civimap's `name` is PostGraphile's `nameSq`);
// cursors are left out, since each server encodes its own.
import { send } from './measure.mjs';

const byPosition = (links, key) =>
  links.nodes
    .map((n) => n[key])
    .sort((a, b) => a.position - b.position)
    .map((x) => x.code);

/** civimap and the floor answer civimap's shape. */
function fromCivimap(body) {
  const c = body.data.organizations;
  return {
    totalCount: c.totalCount,
    hasNextPage: c.pageInfo.hasNextPage,
    organizations: c.edges.map(({ node: o }) => ({
      id: o.id,
      name: o.name,
      status: o.status,
      verification: o.verification.status,
      services: o.services.map((s) => ({
        id: s.id,
        name: s.name,
        status: s.status,
        capacity: s.capacity,
        categories: s.categories.map((x) => x.code),
        targetGroups: s.targetGroups.map((x) => x.code),
      })),
      locations: o.locations.map((l) => ({ id: l.id, address: l.address, lat: l.point.lat, lng: l.point.lng, municipality: l.municipality.code })),
    })),
  };
}

/** PostGraphile 4 and 5 (whose table ids are `rowId`); link tables come by key and are put in taxonomy order. */
function fromPostGraphile(body) {
  const c = body.data.allOrganizations;
  const idOf = (x) => x.rowId ?? x.id;
  return {
    totalCount: c.totalCount,
    hasNextPage: c.pageInfo.hasNextPage,
    organizations: c.edges.map(({ node: o }) => ({
      id: idOf(o),
      name: o.nameSq,
      status: o.status,
      verification: o.verificationStatus,
      services: o.servicesByOrganizationId.nodes.map((s) => ({
        id: idOf(s),
        name: s.nameSq,
        status: s.status,
        capacity: s.capacityPerYear,
        categories: byPosition(s.serviceCategoryLinksByServiceId, 'serviceCategoryByCategoryId'),
        targetGroups: byPosition(s.serviceTargetGroupsByServiceId, 'targetGroupByTargetGroupId'),
      })),
      locations: o.locationsByOrganizationId.nodes.map((l) => ({
        id: idOf(l),
        address: l.address,
        lat: l.lat,
        lng: l.lng,
        municipality: l.municipalityByMunicipalityId.code,
      })),
    })),
  };
}

/** The first path where two values differ, or null. */
function firstDifference(a, b, path = '') {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path || '.'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[key], b[key], `${path}${Array.isArray(a) ? `[${key}]` : `.${key}`}`);
    if (d) return d;
  }
  return null;
}

/**
 * Sends each server's page request once and compares the canonical answers with the first's.
 * @param {{ key: string, origin: string, scenario: { request: object } }[]} servers the first is the reference
 * @returns {Promise<{ ok: boolean, organizations: number, services: number, locations: number, differences: string[] }>}
 */
export async function verifySamePage(servers) {
  const answers = [];
  for (const s of servers) {
    const r = await send(s.origin, s.scenario.request);
    const error = s.scenario.request.check(r.status, r.body);
    if (error) return { ok: false, differences: [`${s.key}: ${error}`] };
    const body = JSON.parse(r.body);
    answers.push({ key: s.key, page: body.data.organizations ? fromCivimap(body) : fromPostGraphile(body) });
  }
  const [reference, ...others] = answers;
  const differences = others
    .map((o) => [o.key, firstDifference(reference.page, o.page)])
    .filter(([, d]) => d)
    .map(([key, d]) => `${key} differs from ${reference.key} at ${d}`);
  const orgs = reference.page.organizations;
  return {
    ok: differences.length === 0,
    organizations: orgs.length,
    services: orgs.reduce((n, o) => n + o.services.length, 0),
    categories: orgs.reduce((n, o) => n + o.services.reduce((m, s) => m + s.categories.length + s.targetGroups.length, 0), 0),
    locations: orgs.reduce((n, o) => n + o.locations.length, 0),
    differences,
  };
}
