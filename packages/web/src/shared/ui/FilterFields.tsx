// The fields the filter forms of the map, the coverage page and the contracts page share, so that
// a filter looks and behaves the same (label, "any", the target-group checklist) wherever it is.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled select; `any` names the empty choice (no filter) shown first. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  onChange,
  any,
  className = 'field',
  children,
}: {
  id: string;
  name?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  any?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {any !== undefined && <option value="">{any}</option>}
        {children}
      </select>
    </div>
  );
}

/** The target groups as checkboxes, in a disclosure that opens (and counts) when some are ticked. */
export function TargetGroupChecklist({
  groups,
  selected,
  onChange,
}: {
  groups: readonly { code: string; name: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <details className="field" open={selected.length > 0 || undefined}>
      <summary>
        {t('filters.targetGroups')}
        {selected.length > 0 && <span className="count-badge">{selected.length}</span>}
      </summary>
      <fieldset className="checklist">
        <legend className="visually-hidden">{t('filters.targetGroups')}</legend>
        {groups.map((g) => (
          <label key={g.code} className="check">
            <input
              type="checkbox"
              name="tg"
              value={g.code}
              checked={selected.includes(g.code)}
              onChange={(e) => onChange(e.target.checked ? [...selected, g.code] : selected.filter((c) => c !== g.code))}
            />
            <span>{g.name}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
