// The editor of one organization: profile, services, sites (with a map picker) and licences. Every
// save sends the version it loaded; when someone else saved first (STALE_VERSION) the form says so
// and offers to reload, and nothing is overwritten. The API's userErrors show next to their fields.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGqlQuery } from '../shared/api/query';
import { formatDate } from '../shared/format/format';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { orgPath, paths } from '../shared/router/paths';
import { Link } from '../shared/ui/Link';
import { LoadError } from '../shared/ui/LoadError';
import '../shared/ui/signed-in.css';
import { LicenceForm } from './LicenceForm';
import { LocationForm } from './LocationForm';
import { InviteForm, Members } from './Members';
import { OrganizationEditorQuery } from './operations';
import { ConfirmCurrent, Disclosure, NewItem, Section } from './parts';
import { ProfileForm } from './ProfileForm';
import { ServiceForm } from './ServiceForm';
import type { Org } from './types';

export function OrgEditor({ params, search, lang }: { params: { id?: string }; search: string; lang: Lang }) {
  const { t } = useTranslation();
  const id = params.id ?? '';
  // while another language's names load, keep the record shown: the forms (keyed by id and
  // version) keep what the user has typed; another organization's record is never shown
  const q = useGqlQuery(OrganizationEditorQuery, { id, lang: apiLang(lang) }, { fresh: true, keepPrevious: true });
  const shown = q.isPlaceholderData && q.data?.organization?.id !== id ? undefined : q.data;
  const org = shown?.organization;
  const [saves, setSaves] = useState(0);

  if (q.error) return <LoadError error={q.error} onRetry={q.refetch} />;
  if (!org) return shown ? <p role="alert">{t('profile.notFound')}</p> : <p aria-live="polite">{t('nav.loading')}</p>;
  if (!org.viewerPermissions.edit) return <p role="alert">{t('editor.notAllowed')}</p>;
  const reload = () => void q.refetch();
  const saved = () => {
    setSaves((n) => n + 1);
    reload();
  };
  return (
    <article className="editor" data-org-id={org.id} aria-busy={q.isFetching}>
      <EditorHeader org={org} lang={lang} created={new URLSearchParams(search).has('created')} saves={saves} onSaved={saved} />
      <EditorSections org={org} onSaved={saved} onReload={reload} />
    </article>
  );
}

/** The record's name, links, verification and "still current"; the heading takes the focus when a record opens. */
function EditorHeader({ org, lang, created, saves, onSaved }: { org: Org; lang: Lang; created: boolean; saves: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [org.id]);
  const saved = onSaved;
  return (
    <>
      <p className="back">
        <Link href={paths.me}>← {t('account.myOrganizations')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('editor.heading', { name: org.name })}
      </h1>
      <p className="card-actions">
        <Link href={orgPath(org.id)}>{t('account.publicProfile')}</Link>
        <Link href={paths.history(org.id)}>{t('history.link')}</Link>
      </p>
      <p className="muted" data-testid="editor-verification">
        {org.verification.status === 'VERIFIED' && org.verification.verifiedAt
          ? t('profile.verified', { date: formatDate(org.verification.verifiedAt, lang) })
          : t('profile.unverified')}
        {org.lastConfirmedAt ? ` · ${t('profile.lastConfirmed')}: ${formatDate(org.lastConfirmedAt, lang)}` : ''}
      </p>
      {created && (
        <p role="status" className="notice" data-testid="created-notice">
          {t('account.newOrganizationCreated')}
        </p>
      )}
      <ConfirmCurrent org={org} onDone={saved} />
      <p role="status" className="saved-status" data-testid="editor-status" data-saves={saves}>
        {saves > 0 ? t('editor.saved') : ''}
      </p>
    </>
  );
}

function EditorSections({ org, onSaved: saved, onReload: reload }: { org: Org; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <>

      <Section id="editor-profile" title={t('editor.profile')}>
        <ProfileForm key={`${org.id}:${org.version}`} org={org} onSaved={saved} onReload={reload} />
      </Section>

      <Section id="editor-services" title={t('profile.services')}>
        {org.services.map((s) => (
          <Disclosure key={s.id} summary={s.name} data={{ 'data-service-id': s.id }}>
            <ServiceForm key={`${s.id}:${s.version}`} org={org} service={s} onSaved={saved} onReload={reload} />
          </Disclosure>
        ))}
        <NewItem label={t('editor.addService')}>{(close) => <ServiceForm org={org} onSaved={() => (close(), saved())} onReload={reload} />}</NewItem>
      </Section>

      <Section id="editor-sites" title={t('profile.sites')}>
        {org.locations.map((l) => (
          <Disclosure key={l.id} summary={l.name || l.address || l.municipality.name} data={{ 'data-location-id': l.id }}>
            <LocationForm key={`${l.id}:${l.version}`} org={org} location={l} onSaved={saved} onReload={reload} />
          </Disclosure>
        ))}
        <NewItem label={t('editor.addSite')}>{(close) => <LocationForm org={org} onSaved={() => (close(), saved())} onReload={reload} />}</NewItem>
      </Section>

      <Section id="editor-licences" title={t('profile.licences')}>
        <p className="hint">{t('editor.licenceHint')}</p>
        {org.licences.map((l) => (
          <Disclosure
            key={l.id}
            summary={`${t('profile.licenceNumber', { number: l.number })}${l.verification.status !== 'VERIFIED' ? ` (${t('profile.unverified')})` : ''}`}
            data={{ 'data-licence-id': l.id }}
          >
            <LicenceForm key={`${l.id}:${l.version}`} org={org} licence={l} onSaved={saved} onReload={reload} />
          </Disclosure>
        ))}
        <NewItem label={t('editor.addLicence')}>{(close) => <LicenceForm org={org} onSaved={() => (close(), saved())} onReload={reload} />}</NewItem>
      </Section>

      <Section id="editor-members" title={t('editor.members')}>
        <Members org={org} onChanged={reload} />
        {org.viewerPermissions.invite && <InviteForm orgId={org.id} />}
      </Section>
    </>
  );
}
