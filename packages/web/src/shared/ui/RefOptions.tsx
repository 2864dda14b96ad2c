// <option> lists of the reference data, for the selects of every page.
import type { CategoryNode } from '../categories';

/** One option per coded item (regions, municipalities, authorities), named in the UI language. */
export function CodeOptions({ items }: { items: readonly { code: string; name: string }[] }) {
  return items.map((i) => (
    <option key={i.code} value={i.code}>
      {i.name}
    </option>
  ));
}

/** The category tree as option groups: each root selectable itself, then its children (indented unless `flat`). */
export function CategoryOptgroups({ tree, flat }: { tree: readonly CategoryNode[]; flat?: boolean }) {
  return tree.map((root) => (
    <optgroup key={root.code} label={root.name}>
      <option value={root.code}>{root.name}</option>
      {root.children.map((c) => (
        <option key={c.code} value={c.code}>
          {flat ? c.name : `\u2003${c.name}`}
        </option>
      ))}
    </optgroup>
  ));
}

/** One option per value of a fixed list (an enum, the years), labelled by `label`. */
export function ValueOptions<T extends string | number>({ values, label }: { values: readonly T[]; label: (value: T) => string }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {label(v)}
    </option>
  ));
}
