import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkState, toggleCategory, type CategoryNode } from '../shared/categories';
import { activeCriteria, emptyFilter, type Filter } from './filter';
import { CategoryOptgroups, CodeOptions } from '../shared/ui/RefOptions';
import { FilterSelect, TargetGroupChecklist } from '../shared/ui/FilterFields';
import { useRefData } from '../shared/refdata';

const TEXT_DELAY_MS = 400;

export function FilterPanel({ filter, onChange }: { filter: Filter; onChange: (f: Filter) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.text);
  const id = useId();

  // the URL changed (back/forward, clear): show its text
  useEffect(() => setText(filter.text), [filter.text]);

  // apply typed text after a pause
  useEffect(() => {
    if (text.trim() === filter.text) return;
    const timer = setTimeout(() => onChange({ ...filter, text: text.trim() }), TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  const set = (patch: Partial<Filter>) => onChange({ ...filter, text: text.trim(), ...patch });
  const active = activeCriteria(filter);

  return (
    <form
      role="search"
      className="filters"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        set({});
      }}
    >
      <div className="filters-head">
        <h2 id={`${id}-title`}>{t('filters.title')}</h2>
        {active > 0 && (
          <button type="button" className="link-button" onClick={() => onChange(emptyFilter)}>
            {t('filters.clear')}
          </button>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('filters.text')}</label>
        <div className="search-row">
          <input
            id={`${id}-text`}
            type="search"
            name="q"
            value={text}
            placeholder={t('filters.textPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
          <button type="submit">{t('filters.submit')}</button>
        </div>
      </div>

      {filter.bbox && (
        <p className="area-note">
          {t('filters.area')}{' '}
          <button type="button" className="link-button" onClick={() => set({ bbox: null })}>
            {t('filters.clearArea')}
          </button>
        </p>
      )}

      <ChoiceFilters filter={filter} set={set} />

      <PlaceFilters id={id} filter={filter} set={set} />

      <label className="check">
        <input type="checkbox" name="verified" checked={filter.verified} onChange={(e) => set({ verified: e.target.checked })} />
        <span>{t('filters.verified')}</span>
      </label>

      <LicenceFilter id={id} filter={filter} set={set} />
      {active > 0 && (
        <p className="active-count" aria-live="polite">
          {t('filters.active', { count: active })}
        </p>
      )}
    </form>
  );
}

function CategoryTree({
  legend,
  roots,
  selected,
  onToggle,
}: {
  legend: string;
  roots: CategoryNode[];
  selected: string[];
  onToggle: (code: string) => void;
}) {
  const { data: ref } = useRefData();
  if (!ref) return null;
  return (
    <fieldset className="category-tree">
      <legend className="visually-hidden">{legend}</legend>
      <ul>
        {roots.map((root) => (
          <CategoryItem key={root.code} node={root} selected={selected} index={ref.categoryIndex} onToggle={onToggle} />
        ))}
      </ul>
    </fieldset>
  );
}

function CategoryItem({
  node,
  selected,
  index,
  onToggle,
}: {
  node: CategoryNode;
  selected: string[];
  index: Map<string, CategoryNode>;
  onToggle: (code: string) => void;
}) {
  const { t } = useTranslation();
  const state = checkState(node.code, selected, index);
  const hasChildren = node.children.length > 0;
  const [open, setOpen] = useState(() => state === 'mixed');
  const box = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'mixed';
    if (state === 'mixed') setOpen(true);
  }, [state]);
  return (
    <li>
      <div className="tree-row">
        <label className="check">
          <input
            ref={box}
            type="checkbox"
            name="cat"
            value={node.code}
            checked={state === 'checked'}
            aria-checked={state === 'mixed' ? 'mixed' : state === 'checked'}
            onChange={() => onToggle(node.code)}
          />
          <span>{node.name}</span>
        </label>
        {hasChildren && (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={t('filters.showChildren', { name: node.name })}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        )}
      </div>
      {hasChildren && (
        <ul id={listId} hidden={!open}>
          {node.children.map((c) => (
            <CategoryItem key={c.code} node={c} selected={selected} index={index} onToggle={onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Service categories (a tree) and target groups, each in a disclosure that opens when it has a choice. */
function ChoiceFilters({ filter, set }: { filter: Filter; set: (patch: Partial<Filter>) => void }) {
  const { t } = useTranslation();
  const { data: ref } = useRefData();
  return (
    <>
      <details className="field" open={filter.categories.length > 0 || undefined}>
        <summary>
          {t('filters.categories')}
          {filter.categories.length > 0 && <span className="count-badge">{filter.categories.length}</span>}
        </summary>
        {ref && (
          <CategoryTree
            legend={t('filters.categories')}
            roots={ref.categoryTree}
            selected={filter.categories}
            onToggle={(code) => set({ categories: toggleCategory(filter.categories, code, ref.categoryIndex) })}
          />
        )}
      </details>

      <TargetGroupChecklist groups={ref?.targetGroups ?? []} selected={filter.targetGroups} onChange={(targetGroups) => set({ targetGroups })} />
    </>
  );
}

/** Region and municipality; the municipalities offered are those of the chosen region. */
function PlaceFilters({ id, filter, set }: { id: string; filter: Filter; set: (patch: Partial<Filter>) => void }) {
  const { t } = useTranslation();
  const { data: ref } = useRefData();
  const municipalities = ref?.municipalities.filter((m) => !filter.regions.length || filter.regions.includes(m.region.code)) ?? [];
  return (
    <>
      <div className="field-row">
        <FilterSelect
          id={`${id}-region`}
          label={t('filters.region')}
          value={filter.regions[0] ?? ''}
          any={t('filters.any')}
          onChange={(v) => {
            const regions = v ? [v] : [];
            const keep = filter.municipalities.filter((m) => !regions.length || ref?.municipalityByCode.get(m)?.region.code === regions[0]);
            set({ regions, municipalities: keep });
          }}
        >
          <CodeOptions items={ref?.regions ?? []} />
        </FilterSelect>
        <FilterSelect
          id={`${id}-mun`}
          label={t('filters.municipality')}
          value={filter.municipalities[0] ?? ''}
          any={t('filters.any')}
          onChange={(v) => set({ municipalities: v ? [v] : [] })}
        >
          <CodeOptions items={municipalities} />
        </FilterSelect>
      </div>
    </>
  );
}

/** Licensed for a category, on a date (today when none is given). */
function LicenceFilter({ id, filter, set }: { id: string; filter: Filter; set: (patch: Partial<Filter>) => void }) {
  const { t } = useTranslation();
  const { data: ref } = useRefData();
  return (
    <>
      <div className="field-row field-row-licence">
        <FilterSelect
          id={`${id}-lic`}
          label={t('filters.licensedFor')}
          value={filter.licensedFor?.category ?? ''}
          any={t('filters.licensedAny')}
          onChange={(v) => set({ licensedFor: v ? { category: v, on: filter.licensedFor?.on ?? null } : null })}
        >
          <CategoryOptgroups tree={ref?.categoryTree ?? []} flat />
        </FilterSelect>
        {filter.licensedFor && (
          <div className="field field-date">
            <label htmlFor={`${id}-licon`}>{t('filters.licensedOn')}</label>
            <input
              id={`${id}-licon`}
              type="date"
              value={filter.licensedFor.on ?? ''}
              onChange={(e) => set({ licensedFor: { category: filter.licensedFor!.category, on: e.target.value || null } })}
            />
          </div>
        )}
      </div>
    </>
  );
}
