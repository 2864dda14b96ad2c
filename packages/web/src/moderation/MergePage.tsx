// Merging duplicate organizations (moderators): pick the record to keep and its duplicate, compare
// them side by side and choose per differing field whose value stays, see what moves, confirm, and
// follow the links to the result. The API decides everything (what may merge, what moves, the
// errors); the page shows its preview and sends the choices.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergePreviewQuery as PreviewResult } from '../gql/graphql';
import { MergeOrganizationsMutation, MergePreviewQuery } from './merge-operations';
import { request } from '../shared/api/graphql';
import { clearQueryCache, useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { paths } from '../shared/router/paths';
import { navigate, orgPath } from '../shared/router/router';
import { networkError, type UserErrorLike } from '../shared/user-errors';
import { FormErrors } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import { LoadError } from '../shared/ui/LoadError';
import { TableScroll } from '../shared/ui/TableScroll';
import { choicesInput, displayValue, fieldLabelKey, mergeHref, parseMergeQuery, type MergePair, type Source } from './merge';
import { MergePicker } from './MergePicker';
import '../shared/ui/signed-in.css';
import './merge.css';

type Preview = PreviewResult['organizationMergePreview'];

export function MergePage({ lang, search }: { lang: Lang; search: string }) {
  const { t } = useTranslation();
  const pair = parseMergeQuery(search);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const go = (next: MergePair) => navigate(mergeHref(next));
  return (
    <section className="merge-page" data-testid="merge-page">
      <h1 ref={heading} tabIndex={-1}>
        {t('merge.title')}
      </h1>
      <p>{t('merge.intro')}</p>
      <div className="merge-pickers">
        <MergePicker side="kept" label={t('merge.keptLabel')} selected={pair.kept} exclude={pair.merged} lang={lang} onPick={(kept) => go({ ...pair, kept })} />
        <MergePicker side="merged" label={t('merge.mergedLabel')} selected={pair.merged} exclude={pair.kept} lang={lang} onPick={(merged) => go({ ...pair, merged })} />
      </div>
      {pair.kept && pair.merged && (
        <p>
          <button type="button" onClick={() => go({ kept: pair.merged, merged: pair.kept })}>
            {t('merge.swap')}
          </button>
        </p>
      )}
      {pair.kept && pair.merged && <MergeComparison key={`${pair.kept}:${pair.merged}`} keptId={pair.kept} mergedId={pair.merged} lang={lang} />}
    </section>
  );
}

function MergeComparison({ keptId, mergedId, lang }: { keptId: string; mergedId: string; lang: Lang }) {
  const { t } = useTranslation();
  const q = useGqlQuery(MergePreviewQuery, { keptId, mergedId, lang: apiLang(lang) }, { fresh: true });
  const [choices, setChoices] = useState<Record<string, Source>>({});
  const [step, setStep] = useState<'compare' | 'confirm' | 'done'>('compare');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [busy, setBusy] = useState(false);
  const preview = q.data?.organizationMergePreview;
  if (step === 'done') return <MergeDone keptId={keptId} mergedId={mergedId} />;
  if (!preview) return <LoadError error={q.error} onRetry={q.refetch} />;

  async function merge(p: Preview) {
    setBusy(true);
    try {
      const input = { keptId: p.kept.id, keptVersion: p.kept.version, mergedId: p.merged.id, mergedVersion: p.merged.version, fields: choicesInput(p.fields, choices) };
      const { mergeOrganizations: r } = await request(MergeOrganizationsMutation, { input });
      setErrors(r.userErrors);
      if (!r.userErrors.length) {
        clearQueryCache();
        setStep('done');
      } else if (r.userErrors.some((e) => e.code === 'STALE_VERSION')) {
        setStep('compare');
        void q.refetch();
      }
    } catch (err) {
      setErrors([networkError(err)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="merge-comparison" data-testid="merge-comparison">
      <FieldTable preview={preview} choices={choices} setChoice={(field, source) => setChoices((c) => ({ ...c, [field]: source }))} disabled={step === 'confirm'} />
      <Moves preview={preview} />
      <FormErrors errors={errors} />
      {step === 'compare' ? (
        <p>
          <button type="button" onClick={() => setStep('confirm')} data-testid="merge-review">
            {t('merge.review')}
          </button>
        </p>
      ) : (
        <div className="card merge-confirm" role="group" aria-labelledby="merge-confirm-text" data-testid="merge-confirm">
          <p id="merge-confirm-text">
            <strong>{t('merge.confirmText', { merged: preview.merged.name, kept: preview.kept.name, count: choicesInput(preview.fields, choices).length })}</strong>
          </p>
          <p className="hint">{t('merge.undoHint')}</p>
          <div className="save-row">
            <button type="button" className="danger" onClick={() => merge(preview)} disabled={busy} data-testid="merge-confirm-button">
              {t('merge.confirm')}
            </button>
            <button type="button" className="link-button" onClick={() => setStep('compare')}>
              {t('merge.back')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The two records side by side; a radio per differing field says whose value the kept record takes. */
function FieldTable({ preview, choices, setChoice, disabled }: { preview: Preview; choices: Record<string, Source>; setChoice: (field: string, source: Source) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const yesNo = { yes: t('contracting.yes'), no: t('contracting.no') };
  const differing = preview.fields.filter((f) => f.differs);
  const same = preview.fields.filter((f) => !f.differs && f.kept !== null);
  const cell = (field: string, source: Source, value: unknown) => (
    <td>
      <label className="merge-choice">
        <input type="radio" name={`merge-${field}`} value={source} checked={(choices[field] ?? 'KEPT') === source} onChange={() => setChoice(field, source)} disabled={disabled} />{' '}
        <span>{displayValue(value, yesNo)}</span>
      </label>
    </td>
  );
  return (
    <>
      <h2>{t('merge.fieldsHeading')}</h2>
      <TableScroll label={t('merge.fieldsHeading')}>
        <table className="data-table merge-table" data-testid="merge-fields">
          <thead>
            <tr>
              <th scope="col">{t('history.field')}</th>
              <th scope="col">
                {t('merge.keptColumn')}: <Link href={orgPath(preview.kept.id)}>{preview.kept.name}</Link>
              </th>
              <th scope="col">
                {t('merge.mergedColumn')}: <Link href={orgPath(preview.merged.id)}>{preview.merged.name}</Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f.field} data-field={f.field}>
                <th scope="row">{t(fieldLabelKey(f.field), { defaultValue: f.field })}</th>
                {cell(f.field, 'KEPT', f.kept)}
                {cell(f.field, 'MERGED', f.merged)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {!differing.length && <p>{t('merge.noDifferences')}</p>}
      {same.length > 0 && (
        <details>
          <summary>{t('merge.sameFields', { count: same.length })}</summary>
          <ul>
            {same.map((f) => (
              <li key={f.field}>
                {t(fieldLabelKey(f.field), { defaultValue: f.field })}: {displayValue(f.kept, yesNo)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

const MOVE_KINDS = ['services', 'sites', 'licences', 'contracts', 'memberships', 'shortlistEntries', 'claims', 'invitations', 'surveyInvitations', 'surveyResponses', 'surveyNotices'] as const;

function Moves({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const moving = MOVE_KINDS.filter((k) => preview.moves[k] > 0);
  return (
    <>
      <h2>{t('merge.movesHeading', { name: preview.kept.name })}</h2>
      <ul className="merge-moves" data-testid="merge-moves">
        {moving.map((k) => (
          <li key={k} data-kind={k} data-count={preview.moves[k]}>
            {t(`merge.moves.${k}`, { count: preview.moves[k] })}
          </li>
        ))}
        <li data-kind="revisions" data-count={preview.revisions}>
          {t('merge.moves.revisions', { count: preview.revisions })}
        </li>
      </ul>
      <p className="hint">{t('merge.movesHint')}</p>
    </>
  );
}

function MergeDone({ keptId, mergedId }: { keptId: string; mergedId: string }) {
  const { t } = useTranslation();
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => status.current?.focus(), []);
  return (
    <div className="card merge-done" role="status" tabIndex={-1} ref={status} data-testid="merge-done">
      <p>{t('merge.done')}</p>
      <ul>
        <li>
          <Link href={orgPath(keptId)}>{t('merge.openKept')}</Link>
        </li>
        <li>
          <Link href={orgPath(mergedId)} data-testid="merge-old-link">
            {t('merge.openOld')}
          </Link>
        </li>
        <li>
          <Link href={paths.history(keptId)}>{t('merge.openHistory')}</Link>
        </li>
      </ul>
    </div>
  );
}
