import { useEffect, useRef, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OrganizationProfileQuery as ProfileResult } from '../gql/graphql';
import { useGqlQuery } from '../shared/api/query';
import { formatDate } from '../shared/format/format';
import { apiLang, localeTag, otherNames, type Lang } from '../shared/i18n/lang';
import { OrganizationProfileQuery } from './operations';
import { mapHref, navigate, orgPath } from '../shared/router/router';
import { DataText } from '../shared/ui/DataText';
import { Fact } from './Fact';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { Link } from '../shared/ui/Link';
import { ProfileActions } from './ProfileActions';
import { ProfileContracts } from './ProfileContracts';
import { LoadError } from '../shared/ui/LoadError';
import { LicencesSection, ServicesSection, SitesSection } from './ProfileSections';

type Org = NonNullable<ProfileResult['organization']>;

function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The merged id this profile was reached through, if it was (ProfilePage's redirect). */
function reachedFromMerged(): string | null {
  const state: unknown = history.state;
  return state && typeof state === 'object' && typeof (state as { mergedFrom?: unknown }).mergedFrom === 'string' ? (state as { mergedFrom: string }).mergedFrom : null;
}

export function ProfilePage({ params, lang }: { params: { id?: string }; lang: Lang }) {
  const id = params.id ?? '';
  const { t } = useTranslation();
  const q = useGqlQuery(OrganizationProfileQuery, { id, lang: apiLang(lang) });
  const org = q.data?.organization;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (org) document.title = `${org.name} · ${t('app.title')}`;
  }, [org, t]);
  // A merged organization's id gives the record it was merged into: show it under its own URL,
  // saying so (the history entry remembers that it was reached through a merged id).
  useEffect(() => {
    if (org && org.id !== id.toLowerCase()) navigate(orgPath(org.id), { replace: true, state: { mergedFrom: id } });
  }, [org, id]);
  const mergedFrom = org && org.id !== id.toLowerCase() ? id : reachedFromMerged();
  // move the focus to the page's heading when a profile opens (screen readers announce it)
  useEffect(() => {
    if (org) heading.current?.focus();
  }, [org?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <main id="main" className="profile-page" tabIndex={-1}>
      <p className="back">
        <Link href={mapHref()}>← {t('profile.back')}</Link>
      </p>
      {q.isFetching && !org && <p aria-live="polite">{t('profile.loading')}</p>}
      <LoadError error={q.error} onRetry={q.refetch} />
      {q.data && !org && <p role="alert">{t('profile.notFound')}</p>}
      {org && mergedFrom && <MergedNotice org={org} lang={lang} mergedFrom={mergedFrom} />}
      {org && <Profile org={org} lang={lang} headingRef={heading} />}
    </main>
  );
}

/** "The record you opened was merged into “…”": the kept record's name marked with its language. */
function MergedNotice({ org, lang, mergedFrom }: { org: Org; lang: Lang; mergedFrom: string }) {
  const { t } = useTranslation();
  const [before, after] = t('profile.mergedInto', { name: '\u0000' }).split('\u0000');
  return (
    <p role="status" className="merged-notice" data-testid="merged-notice" data-merged-id={mergedFrom}>
      {before}
      <DataText text={org.names} lang={lang} />
      {after}
    </p>
  );
}

function Profile({ org, lang, headingRef }: { org: Org; lang: Lang; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  return (
    <article className="profile" data-org-id={org.id}>
      <DemoBanner show={org.isDemo} />
      <ProfileHead org={org} lang={lang} headingRef={headingRef} />
      <AboutAndContacts org={org} lang={lang} />
      <ServicesSection services={org.services} lang={lang} />
      <SitesSection locations={org.locations} />
      <LicencesSection licences={org.licences} lang={lang} />
      <ProfileContracts id={org.id} lang={lang} />
    </article>
  );
}

/** The name, verification, what the viewer may do, and the names in the other languages. */
function ProfileHead({ org, lang, headingRef }: { org: Org; lang: Lang; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const aka = otherNames(org.names, lang).filter((n) => n.name !== org.name);
  const verified = org.verification.status === 'VERIFIED';
  return (
    <header className="profile-head">
      <h1 ref={headingRef} tabIndex={-1}>
        <DataText text={org.names} lang={lang} />
        {org.acronym && <span className="acronym"> ({org.acronym})</span>}
      </h1>
      <p className={`badge ${verified ? 'badge-verified' : 'badge-unverified'}`} data-testid="verification">
        {verified
          ? org.verification.verifiedAt
            ? t('profile.verified', { date: formatDate(org.verification.verifiedAt, lang) })
            : t('profile.verifiedNoDate')
          : t('profile.unverified')}
      </p>
      <ProfileActions id={org.id} />
      {aka.length > 0 && (
        <p className="aka">
          {t('profile.alsoKnownAs')}:{' '}
          {aka.map((n, i) => (
            <span key={n.lang} lang={localeTag(n.lang)}>
              {i > 0 && ' · '}
              {n.name}
            </span>
          ))}
        </p>
      )}
    </header>
  );
}

function profileFacts(org: Org, lang: Lang, t: TFunction): [string, ReactNode][] {
  const facts: [string, ReactNode][] = [];
  if (org.legalForm) facts.push([t('profile.legalForm'), t(`enum.legalForm.${org.legalForm}`, { defaultValue: org.legalForm })]);
  if (org.registrationNumber)
    facts.push([
      t('profile.registration'),
      org.registrationDate ? t('profile.registeredOn', { number: org.registrationNumber, date: formatDate(org.registrationDate, lang) }) : org.registrationNumber,
    ]);
  if (org.yearFounded) facts.push([t('profile.founded'), String(org.yearFounded)]);
  if (org.staffCount != null) facts.push([t('profile.staff'), String(org.staffCount)]);
  if (org.volunteerCount != null) facts.push([t('profile.volunteers'), String(org.volunteerCount)]);
  facts.push([t('profile.status'), t(`enum.status.${org.status}`, { defaultValue: org.status })]);
  if (org.lastConfirmedAt) facts.push([t('profile.lastConfirmed'), formatDate(org.lastConfirmedAt, lang)]);
  facts.push([t('profile.updated'), formatDate(org.updatedAt, lang)]);
  return facts;
}

/** What the organization is (description and facts) and how to reach it. */
function AboutAndContacts({ org, lang }: { org: Org; lang: Lang }) {
  const { t } = useTranslation();
  const facts = profileFacts(org, lang, t);
  const website = org.website ? safeUrl(org.website) : null;
  return (
    <div className="profile-grid">
      <section aria-labelledby="about">
        <h2 id="about">{t('profile.about')}</h2>
        <DataText as="p" className="description" text={org.descriptions} lang={lang} fallback={t('profile.noDescription')} />
        <dl className="facts">
          {facts.map(([k, v]) => (
            <Fact key={k} label={k}>
              {v}
            </Fact>
          ))}
        </dl>
      </section>
      <section aria-labelledby="contacts">
        <h2 id="contacts">{t('profile.contacts')}</h2>
        <dl className="facts">
          {website && (
            <Fact label={t('profile.website')}>
              <a href={website} rel="noopener noreferrer nofollow" target="_blank">
                {org.website}
              </a>
            </Fact>
          )}
          {org.email && (
            <Fact label={t('profile.email')}>
              <a href={`mailto:${org.email}`}>{org.email}</a>
            </Fact>
          )}
          {org.phone && (
            <Fact label={t('profile.phone')}>
              <a href={`tel:${org.phone.replace(/[^+\d]/g, '')}`}>{org.phone}</a>
            </Fact>
          )}
          {!website && !org.email && !org.phone && <dd>{t('profile.none')}</dd>}
        </dl>
      </section>
    </div>
  );
}
