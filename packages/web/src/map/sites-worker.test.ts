import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the browser's Worker: records what it is sent and whether it was stopped.
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(msg: unknown) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.resetModules();
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('location', new URL('http://civimap.test/?q=x'));
});
afterEach(() => vi.unstubAllGlobals());

describe('the map sites’ head start (sites-worker.ts)', () => {
  it('hands the early worker, its load and what it said meanwhile to the layer asking for the same load, once', async () => {
    const { prestartSites, adoptEarlySites, loadMessage } = await import('./sites-worker');
    prestartSites({ text: 'x' }, 'sq');
    const [worker] = FakeWorker.made;
    expect(worker!.sent).toEqual([loadMessage(1, { text: 'x' }, 'sq')]);
    worker!.onmessage!({ data: { type: 'loaded', seq: 1, summary: { sites: 3 } } });
    const adopted = adoptEarlySites({ text: 'x' }, 'sq');
    expect(adopted?.worker).toBe(worker);
    expect(adopted?.seq).toBe(1);
    expect(adopted?.said).toEqual([{ type: 'loaded', seq: 1, summary: { sites: 3 } }]);
    expect(worker!.terminated).toBe(false);
    expect(adoptEarlySites({ text: 'x' }, 'sq')).toBeNull();
  });

  it('stops the early worker when the layer asks for another filter or language', async () => {
    const { prestartSites, adoptEarlySites } = await import('./sites-worker');
    prestartSites({ text: 'x' }, 'sq');
    expect(adoptEarlySites({ text: 'x' }, 'en')).toBeNull();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });
});
