import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPERATION_LABELS } from '../src/app/http/metrics';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';
import { type AbuseServer, startAbuseServer } from './support';

let db: TestDatabase;
let api: AbuseServer;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startAbuseServer(db.url, { RATE_LIMIT_PER_MINUTE: '0', METRICS_PORT: '0' });
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const operationLabels = (text: string) => new Set([...text.matchAll(/civimap_graphql_operation_duration_seconds_count\{operation="([^"]*)"/g)].map((m) => m[1]));

describe('metric labels from client-chosen operation names', () => {
  it('1,000 random operation names (three of 200 KB) keep the series bounded and /metrics answering', async () => {
    const names = Array.from({ length: 1000 }, (_, i) => (i % 400 === 0 ? `Q${randomBytes(100_000).toString('hex')}` : `Q${randomBytes(12).toString('hex')}`));
    for (let i = 0; i < names.length; i += 25) {
      await Promise.all(
        names.slice(i, i + 25).map(async (name) => {
          const res = await api.post({ query: `query ${name} { __typename }` });
          expect(res.status).toBe(200);
          await res.arrayBuffer();
        }),
      );
    }
    const res = await fetch(api.server.metricsUrl!);
    expect(res.status).toBe(200);
    const text = await res.text();
    const labels = operationLabels(text);
    expect(labels.size).toBeGreaterThan(10);
    expect(labels.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 2);
    expect(labels.has('other')).toBe(true);
    expect(text.length).toBeLessThan(2_000_000);
  });
});
