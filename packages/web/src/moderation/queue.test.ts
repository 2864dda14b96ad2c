import { describe, expect, it } from 'vitest';
import { nextFocus, parseQueueQuery, queueHref, queueVariables } from './queue';

describe('the queue in the URL', () => {
  it('round-trips a kind, words and the order', () => {
    const s = parseQueueQuery('?kind=PENDING_CLAIM&q=shtepia%20e&order=NEWEST_FIRST');
    expect(s).toEqual({ kind: 'PENDING_CLAIM', q: 'shtepia e', order: 'NEWEST_FIRST' });
    expect(parseQueueQuery(queueHref(s).split('?')[1]!)).toEqual(s);
    expect(queueHref({ kind: null, q: '  ', order: 'OLDEST_FIRST' })).toBe('/moderation');
  });

  it('ignores unknown kinds and orders', () => {
    expect(parseQueueQuery('?kind=EVERYTHING&order=RANDOM')).toEqual({ kind: null, q: '', order: 'OLDEST_FIRST' });
  });

  it('asks the API for one kind or all, with the words trimmed', () => {
    expect(queueVariables({ kind: 'CHANGED_LICENCE', q: ' drita ', order: 'OLDEST_FIRST' })).toEqual({ kinds: ['CHANGED_LICENCE'], search: 'drita', order: 'OLDEST_FIRST' });
    expect(queueVariables({ kind: null, q: '', order: 'NEWEST_FIRST' })).toEqual({ kinds: null, search: null, order: 'NEWEST_FIRST' });
  });
});

describe('after a decision', () => {
  it('moves on to the item that took the decided one\'s place, or the last one', () => {
    expect(nextFocus(5, 2)).toBe(2);
    expect(nextFocus(2, 2)).toBe(1);
    expect(nextFocus(0, 0)).toBeNull();
  });
});
