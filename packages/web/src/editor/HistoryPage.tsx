// An organization's history: every revision of it and of its services, sites, licences, members
// and claims, newest first, with author, time, action and each field's old → new value. Owners and
// moderators may revert an update.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationHistoryQuery as HistoryResult } from '../gql/graphql';
import { OrganizationHistoryQuery, RevertRevisionMutation } from './operations';
import { formatDate } from '../shared/format/format';
import { request } from '../shared/api/graphql';
import { clearQueryCache, useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { useRefData } from '../shared/refdata';
import { diffRows, isRevertible, type DiffRow, type Namer } from './revision-diff';
import { orgPath } from '../shared/router/router';
import type { UserErrorLike } from '../shared/user-errors';
import { FormErrors, useSubmit } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import { LoadError } from '../shared/ui/LoadError';
import { UndoMerges } from '../moderation';
import { TableHead } from '../shared/ui/TableScroll';
import '../shared/ui/signed-in.css';

type Revision = NonNullable<HistoryResult['organizationHistory']>['edges'][number]['node'];

const PAGE = 50;

function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(iso, lang)} ${hh}:${mm} UTC`;
}

export function HistoryPage({ params, lang }: { params: { id?: string }; lang: Lang }) {
  const id = params.id ?? '';
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | null>(null);
  const [older, setOlder] = useState<Revision[]>([]);
  const q = useGqlQuery(OrganizationHistoryQuery, { id, first: PAGE, after, lang: apiLang(lang) }, { fresh: true });
  const heading = useRef<HTMLHeadingElement>(null);
  const org = q.data?.organization;
  const conn = q.data?.organizationHistory;
  useEffect(() => {
    if (org && after === null) heading.current?.focus();
  }, [org?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // today's names of the organization's services, sites and licences, for the revisions' headings
  // and for the sites a service lists (removed ones keep their ids)
  const names = useMemo(() => {
    const m = new Map<string, string>();
    org?.services.forEach((s) => m.set(s.id, s.name));
    org?.locations.forEach((l) => m.set(l.id, l.name || [l.address, l.municipality.name].filter(Boolean).join(', ')));
    org?.licences.forEach((l) => m.set(l.id, t('profile.licenceNumber', { number: l.number })));
    return m;
  }, [org, t]);
  const namer = useNamer(names);
  const revisions = useMemo(() => [...older, ...(conn?.edges.map((e) => e.node) ?? [])], [older, conn]);

  function more() {
    if (!conn?.pageInfo.endCursor) return;
    setOlder(revisions);
    setAfter(conn.pageInfo.endCursor);
  }
  function reload() {
    clearQueryCache();
    setOlder([]);
    if (after === null) void q.refetch();
    else setAfter(null);
  }

  return (
    <article className="history">
      <p className="back">
        <Link href={orgPath(id)}>← {org?.name ?? t('profile.back')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {org ? t('history.heading', { name: org.name }) : t('history.title')}
      </h1>
      <LoadError error={q.error} onRetry={q.refetch} />
      {q.data && !org && <p role="alert">{t('profile.notFound')}</p>}
      {org && <UndoMerges organizationId={org.id} lang={lang} onUndone={reload} />}
      {conn && (
        <p data-testid="history-count" data-count={conn.totalCount}>
          {t('history.count', { count: conn.totalCount })}
        </p>
      )}
      <ol className="revisions" data-testid="revisions">
        {revisions.map((r) => (
          <RevisionItem key={r.id} revision={r} entityName={r.entityType === 'Organization' ? undefined : names.get(r.entityId)} lang={lang} namer={namer} canRevert={Boolean(org?.viewerPermissions.revert)} onReverted={reload} />
        ))}
      </ol>
      {q.isFetching && <p aria-live="polite">{t('nav.loading')}</p>}
      {conn?.pageInfo.hasNextPage && !q.isFetching && (
        <button type="button" onClick={more}>
          {t('history.more')}
        </button>
      )}
    </article>
  );
}

/** Names category, target group and municipality codes, and enum values, in the UI language. */
function useNamer(names: Map<string, string>): Namer {
  const { t } = useTranslation();
  const ref = useRefData().data;
  return useMemo<Namer>(() => {
    const targetGroups = new Map(ref?.targetGroups.map((g) => [g.code, g.name]) ?? []);
    return (field, value) => {
      const base = field.split('.')[0]!;
      if (base === 'locations') return names.get(value) ?? value;
      if (base === 'categories') return ref?.categoryIndex.get(value)?.name ?? value;
      if (base === 'targetGroups') return targetGroups.get(value) ?? value;
      if (base === 'serviceArea' || base === 'municipality') return ref?.municipalityByCode.get(value)?.name ?? value;
      if (base === 'status' || base === 'fee' || base === 'legalForm' || base === 'verificationStatus') {
        const group = base === 'verificationStatus' ? 'verification' : base;
        return t(`history.value.${group}.${value}`, { defaultValue: t(`enum.${group}.${value}`, { defaultValue: value }) });
      }
      return value;
    };
  }, [ref, t, names]);
}

function RevisionItem({
  revision: r,
  entityName,
  lang,
  namer,
  canRevert,
  onReverted,
}: {
  revision: Revision;
  entityName?: string;
  lang: Lang;
  namer: Namer;
  canRevert: boolean;
  onReverted: () => void;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const rows = diffRows(r.changes, namer);
  const { busy, submit: revert } = useSubmit(
    async () => {
      const { revertRevision } = await request(RevertRevisionMutation, { revisionId: r.id });
      setErrors(revertRevision.userErrors);
      if (!revertRevision.userErrors.length) onReverted();
    },
    (error) => setErrors([error]),
  );

  const captionId = `rev-${r.id}`;
  return (
    <li className="revision" data-revision-id={r.id} data-action={r.action} data-entity-type={r.entityType}>
      <p className="revision-head" id={captionId}>
        <strong>{t(`history.action.${r.action}`, { defaultValue: r.action })}</strong> · {t(`history.entity.${r.entityType}`, { defaultValue: r.entityType })}
        {entityName && <span className="revision-entity"> “{entityName}”</span>} ·{' '}
        <time dateTime={r.createdAt}>{formatTime(r.createdAt, lang)}</time> · <span data-testid="revision-author">{r.author?.displayName ?? t('history.system')}</span>
      </p>
      {r.reason && (
        <p className="revision-reason">
          {t('history.reason')}: {r.reason}
        </p>
      )}
      {rows.length > 0 && <DiffTable rows={rows} captionId={captionId} />}
      {canRevert && isRevertible(r.action) && (
        <p>
          <button type="button" onClick={() => void revert()} disabled={busy} aria-describedby={captionId}>
            {t('history.revert')}
          </button>
        </p>
      )}
      <FormErrors errors={errors} />
    </li>
  );
}

/** A revision's changes, field by field: the old value struck, the new one, and a list's additions and removals. */
function DiffTable({ rows, captionId }: { rows: DiffRow[]; captionId: string }) {
  const { t } = useTranslation();
  return (
    <table className="data-table diff-table" aria-labelledby={captionId}>
      <TableHead columns={[{ label: t('history.field') }, { label: t('history.old') }, { label: t('history.new') }]} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} data-field={row.field}>
            <th scope="row">{t(`history.fields.${row.field.replace(/\./g, '_')}`, { defaultValue: row.field })}</th>
            <td className="diff-old">
              <del>{row.old}</del>
            </td>
            <td className="diff-new">
              <ins>{row.new}</ins>
              {row.added && (row.added.length > 0 || (row.removed?.length ?? 0) > 0) && (
                <span className="diff-list">
                  {row.added.map((a) => (
                    <span key={`+${a}`} className="diff-added">
                      {' '}+{a}
                    </span>
                  ))}
                  {row.removed?.map((a) => (
                    <span key={`-${a}`} className="diff-removed">
                      {' '}−{a}
                    </span>
                  ))}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
