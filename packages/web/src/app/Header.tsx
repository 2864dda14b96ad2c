import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountNav } from '../account/AccountNav';
import { changeLanguage } from '../shared/i18n/i18n';
import { LANGUAGES, localeTag, type Lang } from '../shared/i18n/lang';
import { paths } from '../shared/router/paths';
import { mapHref } from '../shared/router/router';
import { Link } from '../shared/ui/Link';

/**
 * The skip link and the site's header: brand, main navigation, account links, language switch.
 * On a phone (styles.css, max-width 760px) the navigation, account links and languages fold into
 * a "Menu" disclosure so that the header takes one row; on wider screens the button is hidden and
 * everything shows.
 */
export function Header({ current, path, lang }: { current: string | null; path: string; lang: Lang }) {
  const { t } = useTranslation();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  // a new page closes the menu
  useEffect(() => setOpen(false), [path]);
  const onMap = current === 'map';
  // on the map, "/" clears the filter; elsewhere the map link restores the last map view
  const mapLink = onMap ? '/' : mapHref();
  const here = (name: string) => (current === name ? 'page' : undefined);
  return (
    <>
      <a className="skip-link" href={onMap ? '#results' : '#main'}>
        {onMap ? t('app.skipToResults') : t('app.skipToMain')}
      </a>
      <header className="site-header" data-testid="site-header">
        <Link className="brand" href={mapLink}>
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <button type="button" className="menu-toggle" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)} data-testid="menu-toggle">
          {t('shell.menu')}
        </button>
        <div className="header-menu" id={menuId} data-open={open}>
          <nav className="main-nav" aria-label={t('nav.label')}>
            <Link href={mapLink} aria-current={here('map')}>
              {t('nav.map')}
            </Link>
            <Link href={paths.coverage} aria-current={here('coverage')}>
              {t('nav.coverage')}
            </Link>
            <Link href={paths.contracts} aria-current={here('contracts')}>
              {t('nav.contracts')}
            </Link>
            <Link href={paths.surveys} aria-current={here('surveys')}>
              {t('nav.surveys')}
            </Link>
          </nav>
          <AccountNav current={current} />
          <div className="lang-switch" role="group" aria-label={t('app.language')}>
            {LANGUAGES.map((l) => (
              <button key={l} type="button" lang={localeTag(l)} aria-pressed={l === lang} data-lang={l} onClick={() => void changeLanguage(l)}>
                {t(`languageName.${l}`)}
              </button>
            ))}
          </div>
        </div>
      </header>
    </>
  );
}
