import type { EntityManager } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { type RateLimiterAbstract, RateLimiterPostgres, RateLimiterRedis } from 'rate-limiter-flexible';

/**
 * Where rate-limit counters live: Redis when REDIS_URL is set, else PostgreSQL's rate_limit table
 * through a small pool of their own. Never the request pool: a flood of counted requests (sign-in
 * guessing, say) must not take the connections public reads need, and a request holding a pooled
 * connection must never wait for a second one from the same pool.
 */
export interface CounterStore {
  readonly kind: 'redis' | 'postgres';
  /** A fixed-window counter of `points` per `durationSeconds`; consume() counts atomically. */
  limiter(keyPrefix: string, points: number, durationSeconds: number, options?: LimiterOptions): RateLimiterAbstract;
  /** Resolves once the store can answer (Redis connected); a store that never connects fails open. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface LimiterOptions {
  clearExpired?: boolean;
  /**
   * Which PostgreSQL counter pool: 'requests' (every API request; a count that cannot start within
   * half a second fails open, so public reads never queue behind a flood) or 'accounts' (sign-in
   * guessing; waits longer rather than let an unchecked guess through). Each has its own connections.
   */
  lane?: 'requests' | 'accounts';
}

/** Connections of each PostgreSQL counter pool: each count is one short upsert. */
export const COUNTER_POOL_MAX = 2;
const LANE_WAIT_MS = { requests: 500, accounts: 5_000 } as const;

export function createCounterStore(options: { redisUrl?: string; databaseUrl: string; onError?: (error: unknown) => void }): CounterStore {
  const store = bareCounterStore(options);
  // One limiter per prefix: each PostgreSQL limiter may run its own sweep of expired rows.
  const made = new Map<string, RateLimiterAbstract>();
  return {
    ...store,
    limiter: (keyPrefix, points, duration, limiterOptions) => {
      const key = `${keyPrefix}\u0000${points}\u0000${duration}\u0000${limiterOptions?.lane ?? 'requests'}`;
      let limiter = made.get(key);
      if (!limiter) made.set(key, (limiter = store.limiter(keyPrefix, points, duration, limiterOptions)));
      return limiter;
    },
  };
}

function bareCounterStore(options: { redisUrl?: string; databaseUrl: string; onError?: (error: unknown) => void }): CounterStore {
  if (options.redisUrl) {
    const redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (error) => options.onError?.(error));
    const connected = new Promise<void>((resolve) => {
      redis.once('ready', () => resolve());
      setTimeout(resolve, 3000).unref();
    });
    return {
      kind: 'redis',
      limiter: (keyPrefix, points, duration) => new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration }),
      ready: () => connected,
      close: async () => {
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  const pools = new Map<string, Pool>();
  const poolFor = (lane: 'requests' | 'accounts') => {
    let pool = pools.get(lane);
    if (!pool) {
      pool = new Pool({
        connectionString: options.databaseUrl,
        max: COUNTER_POOL_MAX,
        idleTimeoutMillis: 10_000,
        connectionTimeoutMillis: LANE_WAIT_MS[lane],
        // A count is one upsert: one that takes over a second is a sick database; fail rather than pile up.
        statement_timeout: 1_000,
        allowExitOnIdle: true,
      });
      pool.on('error', (error) => options.onError?.(error));
      pools.set(lane, pool);
    }
    return pool;
  };
  return {
    kind: 'postgres',
    limiter: (keyPrefix, points, duration, limiterOptions) =>
      new RateLimiterPostgres({
        storeClient: poolFor(limiterOptions?.lane ?? 'requests'),
        storeType: 'pool',
        tableName: 'rate_limit',
        tableCreated: true,
        keyPrefix,
        points,
        duration,
        clearExpiredByTimeout: limiterOptions?.clearExpired ?? false,
      }),
    ready: async () => undefined,
    close: async () => {
      await Promise.all([...pools.values()].map((pool) => pool.end()));
    },
  };
}

const attached = new WeakMap<object, CounterStore>();

/** The store of the database an EntityManager talks to (forks share it): attached by the runtime, else a PostgreSQL one made on first use. */
export function counterStoreOf(em: EntityManager): CounterStore {
  const key = em.getConnection().getKnex();
  let store = attached.get(key);
  if (!store) {
    store = createCounterStore({ databaseUrl: em.config.getClientUrl() });
    attached.set(key, store);
  }
  return store;
}

export function attachCounterStore(em: EntityManager, store: CounterStore): void {
  attached.set(em.getConnection().getKnex(), store);
}
