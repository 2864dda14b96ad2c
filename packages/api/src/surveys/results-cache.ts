import type { EntityManager } from '@mikro-orm/postgresql';
import type { Results } from './results-compute';

/**
 * Computed results by (wave, breakdown, filter), valid for one generation of the wave (it moves on
 * every submit). Kept in PostgreSQL so that every replica and a restarted process reuse them, and
 * in memory for the hottest ones. Closing a wave computes the usual breakdowns ahead.
 */
const memory = new Map<string, { generation: number; results: Results }>();
const MEMORY_ENTRIES = 64;

export async function cachedResults(em: EntityManager, waveId: string, generation: number, key: string, compute: () => Promise<Results>, options: { awaitWrite?: boolean } = {}): Promise<Results> {
  const memoryKey = `${waveId}|${key}`;
  const hot = memory.get(memoryKey);
  if (hot && hot.generation === generation) return hot.results;
  const [stored] = await em.execute(`select payload from survey_result_cache where wave_id = ? and cache_key = ? and generation = ?`, [waveId, key, generation]);
  const results: Results = stored ? stored.payload : await compute();
  if (!stored) {
    // The request that computed the results does not wait for the (large) row to be written.
    const write = em.fork().execute(
      `insert into survey_result_cache (wave_id, cache_key, generation, payload) values (?, ?, ?, ?::jsonb)
       on conflict (wave_id, cache_key) do update set generation = excluded.generation, payload = excluded.payload, computed_at = now()
       where survey_result_cache.generation < excluded.generation`,
      [waveId, key, generation, JSON.stringify(results)],
    );
    if (options.awaitWrite) await write;
    else write.catch(() => undefined); // a failed cache write costs only a later recomputation
  }
  if (memory.size >= MEMORY_ENTRIES) memory.delete(memory.keys().next().value!);
  memory.set(memoryKey, { generation, results });
  return results;
}
