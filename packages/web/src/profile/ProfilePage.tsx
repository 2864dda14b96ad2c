import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationProfileQuery as ProfileResult } from '../gql/graphql';
import { useGqlQuery } from '../shared/api/query';
import { formatDate } from '../shared/format/format';
import { apiLang, localeTag, otherNames, type Lang } from '../shared/i18n/lang';
import { OrganizationProfileQuery } from './operations';
import { mapHref } from '../shared/router/router';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { Link } from '../shared/ui/Link';
import { ProfileActions } from './ProfileActions';
import { ProfileContracts } from './ProfileContracts';
import { LoadError } from '../shared/ui/LoadError';
import { SitesMap } from './SitesMap';

type Org = NonNullable<ProfileResult['organization']>;

function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
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
      {org && <Profile org={org} lang={lang} headingRef={heading} />}
    </main>
  );
}

function Profile({ org, lang, headingRef }: { org: Org; lang: Lang; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const aka = otherNames(org.names, lang).filter((n) => n.name !== org.name);
  const website = org.website ? safeUrl(org.website) : null;
  const verified = org.verification.status === 'VERIFIED';
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

  return (
    <article className="profile" data-org-id={org.id}>
      <DemoBanner show={org.isDemo} />
      <header className="profile-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {org.name}
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

      <div className="profile-grid">
        <section aria-labelledby="about">
          <h2 id="about">{t('profile.about')}</h2>
          <p className="description">{org.description || t('profile.noDescription')}</p>
          <dl className="facts">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="contacts">
          <h2 id="contacts">{t('profile.contacts')}</h2>
          <dl className="facts">
            {website && (
              <div>
                <dt>{t('profile.website')}</dt>
                <dd>
                  <a href={website} rel="noopener noreferrer nofollow" target="_blank">
                    {org.website}
                  </a>
                </dd>
              </div>
            )}
            {org.email && (
              <div>
                <dt>{t('profile.email')}</dt>
                <dd>
                  <a href={`mailto:${org.email}`}>{org.email}</a>
                </dd>
              </div>
            )}
            {org.phone && (
              <div>
                <dt>{t('profile.phone')}</dt>
                <dd>
                  <a href={`tel:${org.phone.replace(/[^+\d]/g, '')}`}>{org.phone}</a>
                </dd>
              </div>
            )}
            {!website && !org.email && !org.phone && <dd>{t('profile.none')}</dd>}
          </dl>
        </section>
      </div>

      <section aria-labelledby="services">
        <h2 id="services">{t('profile.services')}</h2>
        {org.services.length === 0 && <p>{t('profile.noServices')}</p>}
        <ul className="cards">
          {org.services.map((s) => (
            <li key={s.id} className="card">
              <h3>{s.name}</h3>
              {s.description && <p>{s.description}</p>}
              <dl className="facts">
                <div>
                  <dt>{t('profile.categories')}</dt>
                  <dd>{s.categories.map((c) => c.name).join(', ') || t('profile.none')}</dd>
                </div>
                <div>
                  <dt>{t('profile.targetGroups')}</dt>
                  <dd>{s.targetGroups.map((g) => g.name).join(', ') || t('profile.none')}</dd>
                </div>
                <div>
                  <dt>{t('profile.area')}</dt>
                  <dd>{s.serviceArea.map((m) => m.name).join(', ') || t('profile.none')}</dd>
                </div>
                {s.capacity != null && (
                  <div>
                    <dt>{t('profile.capacity')}</dt>
                    <dd>{s.capacity}</dd>
                  </div>
                )}
                {s.residentialPlaces != null && (
                  <div>
                    <dt>{t('profile.residentialPlaces')}</dt>
                    <dd>{s.residentialPlaces}</dd>
                  </div>
                )}
                {s.fee && (
                  <div>
                    <dt>{t('profile.fee')}</dt>
                    <dd>{t(`enum.fee.${s.fee}`, { defaultValue: s.fee })}</dd>
                  </div>
                )}
                {s.languages.length > 0 && (
                  <div>
                    <dt>{t('profile.languages')}</dt>
                    <dd>{s.languages.map((l) => t(`enum.language.${l.toUpperCase()}`, { defaultValue: l })).join(', ')}</dd>
                  </div>
                )}
                {s.eligibility && (
                  <div>
                    <dt>{t('profile.eligibility')}</dt>
                    <dd>{s.eligibility}</dd>
                  </div>
                )}
                {s.status !== 'ACTIVE' && (
                  <div>
                    <dt>{t('profile.status')}</dt>
                    <dd>{t(`enum.serviceStatus.${s.status}`, { defaultValue: s.status })}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">{t('profile.sites')}</h2>
        {org.locations.length === 0 && <p>{t('profile.noSites')}</p>}
        <div className="sites">
          <SitesMap
            label={t('profile.sitesMap')}
            sites={org.locations.map((l) => ({ id: l.id, label: l.name || l.address || l.municipality.name, lat: l.point.lat, lng: l.point.lng }))}
          />
          <ul className="site-list">
            {org.locations.map((l) => (
              <li key={l.id}>
                <strong>{l.name || l.municipality.name}</strong>
                <br />
                {[l.address, l.municipality.name].filter(Boolean).join(', ')}
                {l.openingHours && (
                  <>
                    <br />
                    {t('profile.openingHours')}: {l.openingHours}
                  </>
                )}
                {l.accessibility && (
                  <>
                    <br />
                    {t('profile.accessibility')}: {l.accessibility}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="licences">
        <h2 id="licences">{t('profile.licences')}</h2>
        {org.licences.length === 0 && <p>{t('profile.noLicences')}</p>}
        <ul className="cards">
          {org.licences.map((l) => (
            <li key={l.id} className="card" data-testid="licence">
              <h3>{t('profile.licenceNumber', { number: l.number })}</h3>
              <p className={`badge ${l.validToday ? 'badge-verified' : 'badge-expired'}`}>
                {l.validToday ? t('profile.validToday') : t('profile.notValidToday')}
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('profile.authority')}</dt>
                  <dd>{l.authority}</dd>
                </div>
                <div>
                  <dt>{t('profile.validity')}</dt>
                  <dd>
                    {l.validUntil
                      ? t('profile.validFromUntil', { from: formatDate(l.validFrom, lang), until: formatDate(l.validUntil, lang) })
                      : t('profile.validFromOpen', { from: formatDate(l.validFrom, lang) })}
                  </dd>
                </div>
                <div>
                  <dt>{t('profile.categories')}</dt>
                  <dd>{l.categories.map((c) => c.name).join(', ')}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      </section>

      <ProfileContracts id={org.id} lang={lang} />
    </article>
  );
}
