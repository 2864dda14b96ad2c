// EXPLAIN (ANALYZE, BUFFERS) of the statements the API runs for the text, near, bbox and contractableFor filters:
// OrganizationSearch (the API's own compiled module) builds them; an EntityManager stand-in
// captures them, then the real one runs them under EXPLAIN with the same parameters.
import { api } from './api-modules.mjs';
import { FILTERS } from './scenarios.mjs';

export async function explainPlans(url, { first = 20 } = {}) {
  const orm = await api.orm.openOrm(url, { pool: { min: 0, max: 2 } });
  try {
    const em = orm.em.fork();
    const catalog = await api.reference.loadReferenceCatalog(em);
    const plans = {};
    for (const key of ['text', 'near', 'bbox', 'contractableFor']) {
      const captured = [];
      // A count gets a total (and no estimate of all organizations: the plan for few matches); a page
      // statement gets no rows (nothing to map). Some filters count first (organization-page.ts).
      // isInTransaction: readQuery (db/read.ts) then runs the statement on this EntityManager.
      const isCount = (text) => /^select count\(/.test(text);
      const capturing = {
        isInTransaction: () => true,
        execute: async (text, params) => (captured.push({ text, params }), isCount(text) ? [{ total: 0, estimate: 0 }] : []),
      };
      const search = new api.search.OrganizationSearch(capturing, catalog);
      const page = await search.page({ filter: Object.assign(new api.inputs.OrganizationFilter(), FILTERS[key]), first, lang: 'sq' });
      await page.totalCount();
      plans[key] = [];
      for (const [i, statement] of captured.entries()) {
        // Warm the cache the way repeated requests do, then take the plan.
        await em.execute(statement.text, statement.params);
        const rows = await em.execute(`explain (analyze, buffers) ${statement.text}`, statement.params);
        plans[key].push({
          statement: isCount(statement.text) ? 'totalCount' : 'page',
          sql: statement.text,
          params: statement.params,
          plan: rows.map((r) => r['QUERY PLAN']).join('\n'),
        });
      }
    }
    return plans;
  } finally {
    await orm.close(true);
  }
}
