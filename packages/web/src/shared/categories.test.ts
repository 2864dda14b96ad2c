import { describe, expect, it } from 'vitest';
import { buildCategoryTree, checkState, expandSelection, indexTree, toggleCategory, type FlatCategory } from './categories';

const flat: FlatCategory[] = [
  { code: 'residential', name: 'Residential', parent: null },
  { code: 'residential.shelter', name: 'Shelter', parent: { code: 'residential' } },
  { code: 'residential.elderly', name: 'Elderly', parent: { code: 'residential' } },
  { code: 'counselling', name: 'Counselling', parent: null },
  { code: 'counselling.legal', name: 'Legal aid', parent: { code: 'counselling' } },
  { code: 'orphan.child', name: 'Orphan', parent: { code: 'missing' } },
];

describe('category tree from the flat list', () => {
  const roots = buildCategoryTree(flat);
  const index = indexTree(roots);

  it('nests children under their parents in list order', () => {
    expect(roots.map((r) => r.code)).toEqual(['residential', 'counselling', 'orphan.child']);
    expect(roots[0]!.children.map((c) => c.code)).toEqual(['residential.shelter', 'residential.elderly']);
    expect(roots[1]!.children.map((c) => c.name)).toEqual(['Legal aid']);
  });

  it('makes a category whose parent is missing a root instead of dropping it', () => {
    expect(index.get('orphan.child')?.parentCode).toBeNull();
    expect(index.size).toBe(6);
  });

  it('builds the same tree when children come before their parents', () => {
    const reversed = buildCategoryTree([...flat].reverse());
    expect(reversed.find((r) => r.code === 'residential')!.children.map((c) => c.code).sort()).toEqual(['residential.elderly', 'residential.shelter']);
  });

  it('shows a selected parent as covering its children, and a partly selected parent as mixed', () => {
    expect(checkState('residential.shelter', ['residential'], index)).toBe('checked');
    expect(checkState('residential', ['residential.shelter'], index)).toBe('mixed');
    expect(checkState('counselling', ['residential.shelter'], index)).toBe('unchecked');
  });

  it('checking a parent replaces its selected children with the parent', () => {
    expect(toggleCategory(['residential.shelter', 'counselling'], 'residential', index).sort()).toEqual(['counselling', 'residential']);
  });

  it('checking the last unchecked child collapses the children into the parent', () => {
    expect(toggleCategory(['residential.shelter'], 'residential.elderly', index)).toEqual(['residential']);
  });

  it('unchecking a child of a selected parent keeps its siblings selected', () => {
    expect(toggleCategory(['residential'], 'residential.shelter', index)).toEqual(['residential.elderly']);
  });

  it('unchecking a selected category removes it', () => {
    expect(toggleCategory(['residential', 'counselling.legal'], 'counselling.legal', index)).toEqual(['residential']);
    expect(toggleCategory(['residential'], 'residential', index)).toEqual([]);
  });

  it('toggles codes unknown to the tree as plain values', () => {
    expect(toggleCategory([], 'x', index)).toEqual(['x']);
    expect(toggleCategory(['x'], 'x', index)).toEqual([]);
  });

  it('expands a selection to everything it covers', () => {
    expect([...expandSelection(['residential', 'counselling.legal'], index)].sort()).toEqual([
      'counselling.legal',
      'residential',
      'residential.elderly',
      'residential.shelter',
    ]);
  });
});
