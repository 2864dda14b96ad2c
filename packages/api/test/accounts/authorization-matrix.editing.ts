import { expect } from 'vitest';
import { E, EDITORS_OF_A, type Row, STAFF, type World } from './authorization-matrix.world';

/**
 * The editing mutations' rows of the authorization matrix (authorization-matrix.test.ts spreads them
 * into its table): an organization's owners and editors, moderators and administrators edit its
 * profile, services, sites and licences; moderators and administrators verify; reverts as the rows say.
 */
async function newService(w: World) {
  const r = await w.asAdmin(`mutation($input: CreateServiceInput!) { createService(input: $input) { service { id version } userErrors ${E} } }`, {
    input: { organizationId: w.orgA, names: { sq: `Shërbim ${w.unique()}` }, categories: ['counselling'] },
  });
  return r.createService.service as { id: string; version: number };
}

async function newLocation(w: World) {
  const r = await w.asAdmin(`mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id version } userErrors ${E} } }`, {
    input: { organizationId: w.orgA, municipality: 'prishtine', lat: 42.66, lng: 21.16, name: `Zyra ${w.unique()}` },
  });
  return r.createLocation.location as { id: string; version: number };
}

async function newLicence(w: World) {
  const r = await w.asAdmin(`mutation($input: CreateLicenceInput!) { createLicence(input: $input) { licence { id version } userErrors ${E} } }`, {
    input: { organizationId: w.orgA, authority: 'Ministria', number: `L-${w.unique()}`, categories: ['counselling'], validFrom: '2024-01-01' },
  });
  return r.createLicence.licence as { id: string; version: number };
}


export const EDITING_ROWS: Record<string, Row> = {
  updateOrganization: {
    allowed: EDITORS_OF_A,
    call: async (w) => ({
      query: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } userErrors ${E} } }`,
      variables: { input: { id: w.orgA, version: await w.version('organization', w.orgA), acronym: `A${w.unique()}` } },
    }),
  },
  confirmOrganizationCurrent: {
    allowed: EDITORS_OF_A,
    call: async (w) => ({
      query: `mutation($id: ID!, $v: Int!) { confirmOrganizationCurrent(id: $id, version: $v) { organization { id } userErrors ${E} } }`,
      variables: { id: w.orgA, v: await w.version('organization', w.orgA) },
    }),
  },
  verifyOrganization: {
    allowed: STAFF,
    call: async (w) => ({
      query: `mutation($id: ID!, $v: Int!) { verifyOrganization(id: $id, version: $v, approve: false, reason: "Registration number missing") { organization { id } userErrors ${E} } }`,
      variables: { id: w.orgA, v: await w.version('organization', w.orgA) },
    }),
  },
  createService: {
    allowed: EDITORS_OF_A,
    call: async (w) => ({
      query: `mutation($input: CreateServiceInput!) { createService(input: $input) { service { id } userErrors ${E} } }`,
      variables: { input: { organizationId: w.orgA, names: { sq: 'Shërbim' }, categories: ['counselling'] } },
    }),
  },
  updateService: {
    allowed: EDITORS_OF_A,
    call: async (w) => {
      const s = await newService(w);
      return {
        query: `mutation($input: UpdateServiceInput!) { updateService(input: $input) { service { id } userErrors ${E} } }`,
        variables: { input: { id: s.id, version: s.version, capacity: 40 } },
      };
    },
  },
  deleteService: {
    allowed: EDITORS_OF_A,
    call: async (w) => {
      const s = await newService(w);
      return { query: `mutation($id: ID!, $v: Int!) { deleteService(id: $id, version: $v) { deletedServiceId userErrors ${E} } }`, variables: { id: s.id, v: s.version } };
    },
  },
  createLocation: {
    allowed: EDITORS_OF_A,
    call: async (w) => ({
      query: `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } userErrors ${E} } }`,
      variables: { input: { organizationId: w.orgA, municipality: 'prizren', lat: 42.215, lng: 20.74 } },
    }),
  },
  updateLocation: {
    allowed: EDITORS_OF_A,
    call: async (w) => {
      const l = await newLocation(w);
      return {
        query: `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { id } userErrors ${E} } }`,
        variables: { input: { id: l.id, version: l.version, lat: 42.67, lng: 21.17 } },
      };
    },
  },
  deleteLocation: {
    allowed: EDITORS_OF_A,
    call: async (w) => {
      const l = await newLocation(w);
      return { query: `mutation($id: ID!, $v: Int!) { deleteLocation(id: $id, version: $v) { deletedLocationId userErrors ${E} } }`, variables: { id: l.id, v: l.version } };
    },
  },
  createLicence: {
    allowed: EDITORS_OF_A,
    call: async (w) => ({
      query: `mutation($input: CreateLicenceInput!) { createLicence(input: $input) { licence { id } userErrors ${E} } }`,
      variables: { input: { organizationId: w.orgA, authority: 'Ministria', number: `L-${w.unique()}`, categories: ['counselling'], validFrom: '2025-01-01' } },
    }),
  },
  updateLicence: {
    allowed: EDITORS_OF_A,
    call: async (w) => {
      const l = await newLicence(w);
      return {
        query: `mutation($input: UpdateLicenceInput!) { updateLicence(input: $input) { licence { id } userErrors ${E} } }`,
        variables: { input: { id: l.id, version: l.version, validUntil: '2030-12-31' } },
      };
    },
  },
  revertRevision: {
    allowed: ['ownerOfA', 'moderator', 'admin'],
    call: async (w) => {
      const l = await newLocation(w);
      await w.asAdmin(`mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { id } userErrors ${E} } }`, {
        input: { id: l.id, version: l.version, name: 'Renamed' },
      });
      const history = await w.api.query(`query($id: ID!) { revisions(entityType: "Location", entityId: $id, first: 1) { edges { node { id action } } } }`, { id: l.id });
      const revision = history.data.revisions.edges[0].node;
      expect(revision.action).toBe('UPDATE');
      return { query: `mutation($id: ID!) { revertRevision(revisionId: $id) { revision { id } userErrors ${E} } }`, variables: { id: revision.id } };
    },
  },
};
