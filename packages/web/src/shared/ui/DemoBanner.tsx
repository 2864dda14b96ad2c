import { useTranslation } from 'react-i18next';

export function DemoBanner({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      {t('demo.banner')}
    </p>
  );
}
