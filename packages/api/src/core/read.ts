import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs a read-only statement on a read replica when DATABASE_REPLICA_URLS names any (MikroORM picks
 * one per statement), else on the primary. For public reads that tolerate replication lag: search,
 * map points, coverage, exports. Inside a transaction it stays on the transaction's connection.
 */
export function readQuery<T = Record<string, any>[]>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T> {
  if (em.isInTransaction()) return em.execute(sql, params as any[]) as Promise<T>;
  return em.getConnection('read').execute(sql, params as any[], 'all') as Promise<T>;
}
