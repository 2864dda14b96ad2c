// The service taxonomy arrives as a flat list (each category names its parent); the filter panel
// shows it as a tree, and selecting a parent stands for all of its children (the API matches a
// parent category and everything below it).

export interface FlatCategory {
  code: string;
  name: string;
  parent?: { code: string } | null;
}

export interface CategoryNode {
  code: string;
  name: string;
  parentCode: string | null;
  children: CategoryNode[];
}

/**
 * Builds the tree from the flat list, keeping the list's order among siblings. A category whose
 * parent is missing from the list becomes a root, so nothing is silently dropped.
 */
export function buildCategoryTree(flat: readonly FlatCategory[]): CategoryNode[] {
  const byCode = new Map<string, CategoryNode>();
  for (const c of flat) {
    if (!byCode.has(c.code)) byCode.set(c.code, { code: c.code, name: c.name, parentCode: c.parent?.code ?? null, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else {
      node.parentCode = null;
      roots.push(node);
    }
  }
  return roots;
}

export function indexTree(roots: readonly CategoryNode[]): Map<string, CategoryNode> {
  const m = new Map<string, CategoryNode>();
  const walk = (n: CategoryNode) => {
    m.set(n.code, n);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return m;
}

export type CheckState = 'checked' | 'unchecked' | 'mixed';

/** How a node's checkbox shows, given the selected codes (a selected parent covers its children). */
export function checkState(code: string, selected: readonly string[], index: Map<string, CategoryNode>): CheckState {
  const node = index.get(code);
  if (selected.includes(code)) return 'checked';
  if (node?.parentCode && selected.includes(node.parentCode)) return 'checked';
  if (node && node.children.some((c) => selected.includes(c.code))) return 'mixed';
  return 'unchecked';
}

/**
 * Toggles one category in the selection and returns the new, minimal selection:
 * - checking a parent selects the parent and drops its children (the parent covers them);
 * - checking the last unchecked child of a parent collapses the children into the parent;
 * - unchecking a child of a selected parent selects the parent's other children instead.
 */
export function toggleCategory(selected: readonly string[], code: string, index: Map<string, CategoryNode>): string[] {
  const node = index.get(code);
  const state = checkState(code, selected, index);
  let next = [...selected];
  if (!node) {
    return state === 'checked' ? next.filter((c) => c !== code) : [...next, code];
  }
  if (state === 'checked') {
    if (next.includes(code)) {
      next = next.filter((c) => c !== code);
    } else if (node.parentCode) {
      // covered by its parent: replace the parent with the siblings
      const parent = index.get(node.parentCode)!;
      next = next.filter((c) => c !== parent.code);
      for (const s of parent.children) if (s.code !== code && !next.includes(s.code)) next.push(s.code);
    }
    return next;
  }
  // unchecked or mixed → checked
  const childCodes = new Set(node.children.map((c) => c.code));
  next = next.filter((c) => !childCodes.has(c));
  next.push(code);
  if (node.parentCode) {
    const parent = index.get(node.parentCode)!;
    if (parent.children.every((s) => next.includes(s.code))) {
      next = next.filter((c) => !parent.children.some((s) => s.code === c));
      next.push(parent.code);
    }
  }
  return next;
}

/** Every category that a selection covers (selected codes and their descendants). */
export function expandSelection(selected: readonly string[], index: Map<string, CategoryNode>): Set<string> {
  const out = new Set<string>();
  const add = (n: CategoryNode) => {
    out.add(n.code);
    n.children.forEach(add);
  };
  for (const code of selected) {
    const n = index.get(code);
    if (n) add(n);
    else out.add(code);
  }
  return out;
}

/** The tree as options of a select, children indented under their parent. */
export function categoryOptions(tree: readonly CategoryNode[]): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (n: CategoryNode, depth: number) => {
    out.push({ value: n.code, label: `${'\u2003'.repeat(depth)}${n.name}` });
    n.children.forEach((c) => walk(c, depth + 1));
  };
  tree.forEach((n) => walk(n, 0));
  return out;
}
