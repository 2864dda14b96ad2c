import { describe, expect, it } from 'vitest';
import { PerObjectMemo } from '../../src/core/memo';

describe('PerObjectMemo', () => {
  it('builds once per object and key, and again for another object or key', () => {
    const memo = new PerObjectMemo<number>(10);
    let builds = 0;
    const build = () => ++builds;
    const [a, b] = [{}, {}];
    expect(memo.get(a, 'k', build)).toBe(1);
    expect(memo.get(a, 'k', build)).toBe(1);
    expect(memo.get(a, 'other', build)).toBe(2);
    expect(memo.get(b, 'k', build)).toBe(3);
    expect(builds).toBe(3);
  });

  it('never keeps a key longer than its limit (a client-sized value), and holds at most maxPerOwner keys', () => {
    const memo = new PerObjectMemo<number>(2, 16);
    let builds = 0;
    const build = () => ++builds;
    const owner = {};
    const long = 'x'.repeat(17);
    memo.get(owner, long, build);
    memo.get(owner, long, build);
    expect(builds).toBe(2);
    memo.get(owner, 'a', build);
    memo.get(owner, 'b', build);
    memo.get(owner, 'c', build); // full: the two kept keys are dropped
    expect(builds).toBe(5);
    memo.get(owner, 'a', build);
    expect(builds).toBe(6);
    memo.get(owner, 'c', build);
    expect(builds).toBe(6);
  });
});
