// The lists of a public profile: services (with categories, target groups, area, capacity, fee),
// sites (on a small map and as a list) and licences with their validity today.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationProfileQuery as ProfileResult } from '../gql/graphql';
import { formatDate } from '../shared/format/format';
import type { Lang } from '../shared/i18n/lang';
import { DataText } from '../shared/ui/DataText';
import { SitesMap } from './SitesMap';

type Org = NonNullable<ProfileResult['organization']>;

/** A list of the profile under its heading (which labels the section), with a line in place of an empty list. */
function ProfileSection({ id, title, empty, children }: { id: string; title: string; empty: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty && <p>{empty}</p>}
      {children}
    </section>
  );
}

export function ServicesSection({ services, lang }: { services: Org['services']; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <ProfileSection id="services" title={t('profile.services')} empty={services.length === 0 ? t('profile.noServices') : null}>
      <ul className="cards">
        {services.map((s) => (
          <li key={s.id} className="card">
            <h3>
              <DataText text={s.names} lang={lang} />
            </h3>
            <DataText as="p" text={s.descriptions} lang={lang} />
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
    </ProfileSection>
  );
}

export function SitesSection({ locations }: { locations: Org['locations'] }) {
  const { t } = useTranslation();
  return (
    <ProfileSection id="sites" title={t('profile.sites')} empty={locations.length === 0 ? t('profile.noSites') : null}>
      <div className="sites">
        <SitesMap
          label={t('profile.sitesMap')}
          sites={locations.map((l) => ({ id: l.id, label: l.name || l.address || l.municipality.name, lat: l.point.lat, lng: l.point.lng }))}
        />
        <ul className="site-list">
          {locations.map((l) => (
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
    </ProfileSection>
  );
}

export function LicencesSection({ licences, lang }: { licences: Org['licences']; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <ProfileSection id="licences" title={t('profile.licences')} empty={licences.length === 0 ? t('profile.noLicences') : null}>
      <ul className="cards">
        {licences.map((l) => (
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
    </ProfileSection>
  );
}
