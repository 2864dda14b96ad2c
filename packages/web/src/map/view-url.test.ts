import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapView } from './filter';
import { viewWriter } from './view-url';

const at = (lng: number): MapView => ({ lat: 42.6, lng, zoom: 9 });

describe('viewWriter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a pan of many moves once, with its last view, when the map has rested', () => {
    const written: MapView[] = [];
    const w = viewWriter((v) => written.push(v), 400);
    w.moved(at(21.1));
    vi.advanceTimersByTime(300);
    w.moved(at(21.2));
    vi.advanceTimersByTime(300);
    w.moved(at(21.3));
    expect(written).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(written).toEqual([at(21.3)]);
  });

  it('hands the latest view to a navigation and drops the pending write', () => {
    const written: MapView[] = [];
    const w = viewWriter((v) => written.push(v), 400);
    expect(w.take()).toBeNull();
    w.moved(at(21.1));
    w.moved(at(21.2));
    expect(w.take()).toEqual(at(21.2));
    vi.advanceTimersByTime(1000);
    expect(written).toEqual([]);
    // still the latest after a written move
    w.moved(at(21.4));
    vi.advanceTimersByTime(400);
    expect(written).toEqual([at(21.4)]);
    expect(w.take()).toEqual(at(21.4));
  });

  it('on stop, returns only a view not written yet, and writes nothing more', () => {
    const written: MapView[] = [];
    const w = viewWriter((v) => written.push(v), 400);
    w.moved(at(21.1));
    vi.advanceTimersByTime(400);
    expect(w.stop()).toBeNull();
    w.moved(at(21.2));
    expect(w.stop()).toEqual(at(21.2));
    vi.advanceTimersByTime(1000);
    expect(written).toEqual([at(21.1)]);
  });
});
