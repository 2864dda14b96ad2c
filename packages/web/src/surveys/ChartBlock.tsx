// A chart with its table and a CSV download: the chart draws (lazily, with the charting library),
// the table says the same in text, a withheld cell says it is withheld.
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../shared/i18n/lang';
import { chartCsv, type ChartRow, download, formatValue } from './results';

const BarsChart = lazy(async () => ({ default: (await import('./SurveyCharts')).BarsChart }));

export function ChartBlock({ title, rows, valueName, fileName, lang, minCell, chart }: {
  title: string;
  rows: ChartRow[];
  valueName: string;
  fileName: string;
  lang: Lang;
  minCell: number;
  /** Another chart than the bars of `rows` (the comparison). */
  chart?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="chart-block" aria-labelledby={`${id}-h`} data-testid="chart-block">
      <h3 id={`${id}-h`}>{title}</h3>
      <Suspense fallback={<p className="muted">{t('nav.loading')}</p>}>{chart ?? <BarsChart rows={rows} valueName={valueName} />}</Suspense>
      <table className="data-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr><th scope="col">{t('survey.cell')}</th><th scope="col">{valueName}</th><th scope="col">{t('survey.respondents')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-code={r.code} data-suppressed={r.suppressed ?? ''}>
              <th scope="row">{r.label}</th>
              {r.suppressed ? (
                <td colSpan={2} className="withheld">{t(`survey.withheld.${r.suppressed}`, { min: minCell })}</td>
              ) : (
                <>
                  <td>{formatValue(r.value, lang)}</td>
                  <td>{r.respondents ?? ''}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary csv-download" onClick={() => download(fileName, chartCsv(rows, { cell: t('survey.cell'), value: valueName }))}>
        {t('survey.downloadCsv')}
      </button>
    </section>
  );
}
