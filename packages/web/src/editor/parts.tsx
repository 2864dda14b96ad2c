// The editor's building blocks: sections, collapsed items, the new-item box, the save row, the
// delete button with its confirmation and "still current".
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { clearQueryCache } from '../shared/api/query';
import { FormErrors, StaleNotice, useSubmit } from '../shared/ui/Forms';
import { NO_ERRORS, networkError, sortErrors, type SortedErrors } from '../shared/user-errors';
import { ConfirmCurrentMutation, DeleteLocationMutation, DeleteServiceMutation } from './operations';
import type { Org } from './types';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="editor-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A collapsed item whose form is made only when opened (a site's map needs a visible box). */
export function Disclosure({ summary, data, children }: { summary: string; data: Record<string, string>; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="editor-item" {...data} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}

export function NewItem({ label, children }: { label: string; children: (close: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <div className="editor-item editor-new">
      <h3>{label}</h3>
      {children(() => setOpen(false))}
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        {t('editor.cancel')}
      </button>
    </div>
  );
}

export function SaveRow({ busy, saved, label, children }: { busy: boolean; saved: boolean; label: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="save-row">
      <button type="submit" disabled={busy}>
        {label}
      </button>
      {children}
      <span role="status" className="saved-status">
        {busy ? t('editor.saving') : saved ? t('editor.saved') : ''}
      </span>
    </div>
  );
}

export function ConfirmCurrent({ org, onDone }: { org: Org; onDone: () => void }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const { busy, submit: confirm } = useSubmit(
    async () => {
      const { confirmOrganizationCurrent: r } = await request(ConfirmCurrentMutation, { id: org.id, version: org.version });
      setErrors(sortErrors(r.userErrors, []));
      if (!r.userErrors.length) {
        clearQueryCache();
        onDone();
      }
    },
    (error) => setErrors({ ...NO_ERRORS, general: [error] }),
  );
  return (
    <div>
      {errors.stale && <StaleNotice onReload={onDone} />}
      <FormErrors errors={errors.general} />
      <button type="button" onClick={() => void confirm()} disabled={busy}>
        {t('editor.confirmCurrent')}
      </button>
    </div>
  );
}

export function DeleteButton({
  kind,
  id,
  version,
  onDeleted,
  onErrors,
}: {
  kind: 'service' | 'location';
  id: string;
  version: number;
  onDeleted: () => void;
  onErrors: (e: SortedErrors) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  async function remove() {
    try {
      const r =
        kind === 'service' ? (await request(DeleteServiceMutation, { id, version })).deleteService : (await request(DeleteLocationMutation, { id, version })).deleteLocation;
      if (r.userErrors.length) onErrors(sortErrors(r.userErrors, []));
      else {
        clearQueryCache();
        onDeleted();
      }
    } catch (err) {
      onErrors({ ...NO_ERRORS, general: [networkError(err)] });
    }
    setAsking(false);
  }
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('editor.delete')}
      </button>
    );
  return (
    <span role="group" aria-label={t('editor.confirmDelete')}>
      {t('editor.confirmDelete')}{' '}
      <button type="button" className="danger" onClick={remove}>
        {t('editor.deleteYes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('editor.cancel')}
      </button>
    </span>
  );
}
