// On a kept record's history, for moderators: the merges into it that stand, each with an action
// to undo it (the API refuses, with its reason, when what moved has changed since).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganizationMergesQuery, UnmergeOrganizationMutation } from './merge-operations';
import { request } from '../shared/api/graphql';
import { clearQueryCache, useGqlQuery } from '../shared/api/query';
import { formatDate } from '../shared/format/format';
import type { Lang } from '../shared/i18n/lang';
import { isModerator, useSession } from '../shared/session';
import { networkError, type UserErrorLike } from '../shared/user-errors';
import { FormErrors } from '../shared/ui/Forms';
import './merge.css';

export function UndoMerges({ organizationId, lang, onUndone }: { organizationId: string; lang: Lang; onUndone: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = isModerator(user);
  const q = useGqlQuery(OrganizationMergesQuery, { id: organizationId }, { enabled: staff, fresh: true });
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [busy, setBusy] = useState(false);
  const merges = staff ? (q.data?.organizationMerges ?? []) : [];
  if (!merges.length && !errors.length) return null;

  async function undo(mergedId: string) {
    setBusy(true);
    try {
      const { unmergeOrganization: r } = await request(UnmergeOrganizationMutation, { mergedId });
      setErrors(r.userErrors);
      if (!r.userErrors.length) {
        clearQueryCache();
        void q.refetch();
        onUndone();
      }
    } catch (err) {
      setErrors([networkError(err)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card undo-merges" aria-labelledby="undo-merges-heading" data-testid="undo-merges">
      <h2 id="undo-merges-heading">{t('merge.mergedHere')}</h2>
      <ul>
        {merges.map((m) => (
          <li key={m.id} data-merged-id={m.mergedId}>
            {t('merge.mergedOn', { name: m.mergedName, date: formatDate(m.createdAt, lang) })}{' '}
            <button type="button" onClick={() => undo(m.mergedId)} disabled={busy}>
              {t('merge.undo', { name: m.mergedName })}
            </button>
          </li>
        ))}
      </ul>
      <FormErrors errors={errors} />
    </section>
  );
}
