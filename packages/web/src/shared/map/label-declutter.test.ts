import { describe, expect, it } from 'vitest';
import { placeLabels } from './label-declutter';

const box = (left: number, top: number, w: number, h: number) => ({ left, top, right: left + w, bottom: top + h });

describe('placeLabels', () => {
  it('keeps a clear label on its anchor', () => {
    expect(placeLabels([box(0, 0, 60, 12)], [box(100, 100, 30, 30)])).toEqual([{ dx: 0, dy: 0 }]);
  });

  it('moves a label above its anchor when a marker covers it there, else below', () => {
    // a marker on the anchor's lower half: above is clear
    expect(placeLabels([box(0, 50, 60, 12)], [box(20, 56, 20, 20)])).toEqual([{ dx: 0, dy: -14 }]);
    // a marker on the anchor's upper half reaching above: below is clear
    expect(placeLabels([box(0, 50, 60, 12)], [box(20, 30, 20, 26)])).toEqual([{ dx: 0, dy: 14 }]);
  });

  it('moves a label beside its anchor when above and below are covered', () => {
    // a tall marker over the label's left part: to the right (half the width and the gap) is clear
    expect(placeLabels([box(0, 50, 60, 12)], [box(0, 20, 20, 70)])).toEqual([{ dx: 32, dy: 0 }]);
  });

  it('hides a label that markers cover in every place it could go', () => {
    expect(placeLabels([box(0, 50, 60, 12)], [box(-40, 20, 140, 70)])).toEqual([null]);
  });

  it('never moves a clear label for another name; a moved one keeps clear of the names', () => {
    // two names overlapping at their anchors, no marker: both stay (a map without markers keeps every name on its shape)
    expect(placeLabels([box(0, 0, 60, 12), box(10, 0, 60, 12)], [])).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
    ]);
    // a covered name whose place above is another name's goes below
    expect(placeLabels([box(0, 36, 60, 12), box(0, 50, 60, 12)], [box(20, 56, 20, 4)])).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 14 },
    ]);
  });
});
