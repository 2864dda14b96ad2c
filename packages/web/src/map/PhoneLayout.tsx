// The map page on a phone: one pane at a time (the list or the map, switched by a toggle), and the
// filters in a sheet over it, so that the first screen shows results rather than a header, a
// banner and a map with the filters below it.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Pane = 'list' | 'map';

/** The bar under the header: "Filters (n)" and the list/map toggle. */
export function PhoneBar({ pane, onPane, active, onFilters }: { pane: Pane; onPane: (p: Pane) => void; active: number; onFilters: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="phone-bar" data-testid="phone-bar">
      <button type="button" className="phone-filters" onClick={onFilters} aria-haspopup="dialog" data-testid="open-filters">
        {t('filters.title')}
        {active > 0 && <span className="count-badge">{active}</span>}
      </button>
      <div className="pane-toggle" role="group" aria-label={t('shell.showAs')}>
        {(['list', 'map'] as const).map((p) => (
          <button key={p} type="button" aria-pressed={pane === p} onClick={() => onPane(p)} data-pane={p}>
            {t(`shell.pane.${p}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * The filters as a modal sheet (a native <dialog>: the focus stays inside, Escape closes it, the
 * page behind is inert); closing returns the focus to the button that opened it.
 */
export function FilterSheet({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="filter-sheet" aria-label={t('filters.title')} onClose={onClose} data-testid="filter-sheet">
      {children}
      <div className="sheet-foot">
        <button type="button" onClick={onClose}>
          {t('shell.showResults')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * The skip link ("to the list of organizations") must work while the map pane is showing:
 * following it shows the list first, then focuses it.
 */
export function useSkipToList(phone: boolean, onPane: (p: Pane) => void): void {
  useEffect(() => {
    if (!phone) return;
    const onClick = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.closest('a[href="#results"]')) return;
      onPane('list');
      requestAnimationFrame(() => document.getElementById('results')?.focus());
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [phone, onPane]);
}
