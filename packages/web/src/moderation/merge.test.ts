import { describe, expect, it } from 'vitest';
import { choicesInput, displayValue, fieldLabelKey, mergeHref, parseMergeQuery } from './merge';

describe('merging duplicates: the page logic', () => {
  it('keeps the two ids in the URL, both ways', () => {
    const href = mergeHref({ kept: 'a', merged: 'b' });
    expect(href.startsWith('/moderation/merge?')).toBe(true);
    expect(parseMergeQuery(href.slice(href.indexOf('?')))).toEqual({ kept: 'a', merged: 'b' });
    expect(parseMergeQuery('?kept=a')).toEqual({ kept: 'a', merged: null });
    expect(mergeHref({ kept: null, merged: null })).toBe('/moderation/merge');
  });

  it('sends only the differing fields where the duplicate was chosen', () => {
    const fields = [
      { field: 'website', differs: true },
      { field: 'email', differs: true },
      { field: 'phone', differs: false },
    ];
    expect(choicesInput(fields, { website: 'MERGED', email: 'KEPT', phone: 'MERGED' })).toEqual([{ field: 'website', source: 'MERGED' }]);
  });

  it('shows values plainly', () => {
    const yesNo = { yes: 'Yes', no: 'No' };
    expect(displayValue(null, yesNo)).toBe('—');
    expect(displayValue(['a', 'b'], yesNo)).toBe('a, b');
    expect(displayValue(true, yesNo)).toBe('Yes');
    expect(displayValue(12, yesNo)).toBe('12');
    expect(fieldLabelKey('fundingMix.other')).toBe('history.fields.fundingMix_other');
  });
});
