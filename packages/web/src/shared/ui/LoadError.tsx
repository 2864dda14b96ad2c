import { useTranslation } from 'react-i18next';

/** A query that failed: what went wrong, and (with `onRetry`) a button to ask again. */
export function LoadError({ error, onRetry }: { error: Error | string | null | undefined; onRetry?: () => unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {t('app.loadError', { message: typeof error === 'string' ? error : error.message })}
      {onRetry && (
        <>
          {' '}
          <button type="button" onClick={() => void onRetry()}>
            {t('app.retry')}
          </button>
        </>
      )}
    </p>
  );
}
