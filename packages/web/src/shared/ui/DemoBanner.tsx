import { useTranslation } from 'react-i18next';

/** The demo-data notice; on a phone its short form (one line), so that results get the screen. */
export function DemoBanner({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      <span className="banner-long">{t('demo.banner')}</span>
      <span className="banner-short">{t('demo.bannerShort')}</span>
    </p>
  );
}
