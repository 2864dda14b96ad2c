/**
 * The merge mutations' rows of the authorization matrix (authorization-matrix.test.ts spreads them
 * into its table): only moderators and administrators merge duplicates and undo merges. Each case
 * merges two fresh organizations, so that cases do not depend on each other.
 */
interface MergeWorld {
  asAdmin: (query: string, variables: Record<string, unknown>) => Promise<any>;
  unique: () => string;
}

const E = '{ field message code }';
const STAFF = ['moderator', 'admin'] as const;

async function newOrganization(w: MergeWorld): Promise<{ id: string; version: number }> {
  const r = await w.asAdmin(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id version } userErrors ${E} } }`, {
    input: { names: { sq: `Dyfishi ${w.unique()}` } },
  });
  return r.createOrganization.organization;
}

async function mergeInput(w: MergeWorld) {
  const [kept, merged] = [await newOrganization(w), await newOrganization(w)];
  return { keptId: kept.id, keptVersion: kept.version, mergedId: merged.id, mergedVersion: merged.version, fields: [{ field: 'names.sq', source: 'MERGED' }] };
}

const MERGE = `mutation($input: MergeOrganizationsInput!) { mergeOrganizations(input: $input) { organization { id } merge { id } userErrors ${E} } }`;

export const MERGE_ROWS = {
  mergeOrganizations: {
    allowed: STAFF,
    call: async (w: MergeWorld) => ({ query: MERGE, variables: { input: await mergeInput(w) } }),
  },
  unmergeOrganization: {
    allowed: STAFF,
    call: async (w: MergeWorld) => {
      const input = await mergeInput(w);
      await w.asAdmin(MERGE, { input });
      return { query: `mutation($id: ID!) { unmergeOrganization(mergedId: $id) { organization { id } userErrors ${E} } }`, variables: { id: input.mergedId } };
    },
  },
};
