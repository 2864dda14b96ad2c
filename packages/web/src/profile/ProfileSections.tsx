// The lists of a public profile: services (with categories, target groups, area, capacity, fee),
// sites (on a small map and as a list) and licences with their validity today.
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationProfileQuery as ProfileResult } from '../gql/graphql';
import { formatDate } from '../shared/format/format';
import type { Lang } from '../shared/i18n/lang';
import { DataText } from '../shared/ui/DataText';
import { Fact } from './Fact';
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

/** A card of the profile: one record (a service, a licence) in the page's language. */
type RecordCard<T> = ComponentType<{ item: T; lang: Lang }>;

/** A section of cards (services, licences), one a record. */
function CardsSection<T extends { id: string }>({
  id,
  title,
  none,
  items,
  lang,
  Card,
}: {
  id: string;
  title: string;
  none: string;
  items: readonly T[];
  lang: Lang;
  Card: RecordCard<T>;
}) {
  return (
    <ProfileSection id={id} title={title} empty={items.length === 0 ? none : null}>
      <ul className="cards">
        {items.map((item) => (
          <Card key={item.id} item={item} lang={lang} />
        ))}
      </ul>
    </ProfileSection>
  );
}

type Service = Org['services'][number];

function ServiceCard({ item: s, lang }: { item: Service; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h3>
        <DataText text={s.names} lang={lang} />
      </h3>
      <DataText as="p" text={s.descriptions} lang={lang} />
      <dl className="facts">
        <Fact label={t('profile.categories')}>{s.categories.map((c) => c.name).join(', ') || t('profile.none')}</Fact>
        <Fact label={t('profile.targetGroups')}>{s.targetGroups.map((g) => g.name).join(', ') || t('profile.none')}</Fact>
        <Fact label={t('profile.area')}>{s.serviceArea.map((m) => m.name).join(', ') || t('profile.none')}</Fact>
        {s.capacity != null && <Fact label={t('profile.capacity')}>{s.capacity}</Fact>}
        {s.residentialPlaces != null && <Fact label={t('profile.residentialPlaces')}>{s.residentialPlaces}</Fact>}
        {s.fee && <Fact label={t('profile.fee')}>{t(`enum.fee.${s.fee}`, { defaultValue: s.fee })}</Fact>}
        {s.languages.length > 0 && (
          <Fact label={t('profile.languages')}>{s.languages.map((l) => t(`enum.language.${l.toUpperCase()}`, { defaultValue: l })).join(', ')}</Fact>
        )}
        {s.eligibility && <Fact label={t('profile.eligibility')}>{s.eligibility}</Fact>}
        {s.status !== 'ACTIVE' && <Fact label={t('profile.status')}>{t(`enum.serviceStatus.${s.status}`, { defaultValue: s.status })}</Fact>}
      </dl>
    </li>
  );
}

export function ServicesSection({ services, lang }: { services: Org['services']; lang: Lang }) {
  const { t } = useTranslation();
  return <CardsSection id="services" title={t('profile.services')} none={t('profile.noServices')} items={services} lang={lang} Card={ServiceCard} />;
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

type Licence = Org['licences'][number];

function LicenceCard({ item: l, lang }: { item: Licence; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="licence">
      <h3>{t('profile.licenceNumber', { number: l.number })}</h3>
      <p className={`badge ${l.validToday ? 'badge-verified' : 'badge-expired'}`}>{l.validToday ? t('profile.validToday') : t('profile.notValidToday')}</p>
      <dl className="facts">
        <Fact label={t('profile.authority')}>{l.authority}</Fact>
        <Fact label={t('profile.validity')}>
          {l.validUntil
            ? t('profile.validFromUntil', { from: formatDate(l.validFrom, lang), until: formatDate(l.validUntil, lang) })
            : t('profile.validFromOpen', { from: formatDate(l.validFrom, lang) })}
        </Fact>
        <Fact label={t('profile.categories')}>{l.categories.map((c) => c.name).join(', ')}</Fact>
      </dl>
    </li>
  );
}

export function LicencesSection({ licences, lang }: { licences: Org['licences']; lang: Lang }) {
  const { t } = useTranslation();
  return <CardsSection id="licences" title={t('profile.licences')} none={t('profile.noLicences')} items={licences} lang={lang} Card={LicenceCard} />;
}
