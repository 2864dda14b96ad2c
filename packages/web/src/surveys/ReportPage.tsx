// The printable mapping report of a wave, laid out like the 2022 report: how many providers answered,
// what they provide, for whom, how they are funded, what hit them, what they need. Tables only, a
// print stylesheet (report.css), and the browser's print makes the PDF.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, localized, type Lang } from '../shared/i18n/lang';
import { LoadError } from '../shared/ui/LoadError';
import { SurveyResultsQuery } from './operations';
import { formatShare, formatValue } from './results';
import './report.css';

type Results = NonNullable<ReturnType<typeof useReport>['data']>;

function useReport(waveId: string, lang: Lang) {
  return useGqlQuery(SurveyResultsQuery, { wave: waveId, groupBy: ['REGION'], lang: apiLang(lang) });
}

const CHAPTERS = [
  { key: 'who', questions: [] },
  { key: 'what', questions: ['service_categories', 'beneficiaries_total', 'waiting_list', 'capacity_used_pct'] },
  { key: 'whom', questions: ['beneficiaries_by_target_group'] },
  { key: 'funding', questions: ['budget_band', 'funding_shares', 'public_contracts', 'payment_delays', 'contracting_barriers', 'licensed'] },
  { key: 'shock', questions: ['shock_suspended', 'shock_reduced', 'shock_online', 'shock_beneficiaries_change_pct', 'shock_revenue_change_pct', 'shock_staff_change_pct'] },
  { key: 'needs', questions: ['main_challenges', 'needs', 'licensing_barriers'] },
] as const;

export function ReportPage({ params, lang }: { params: Record<string, string>; lang: Lang }) {
  const { t } = useTranslation();
  const id = useId();
  const q = useReport(params.waveId, lang);
  const data = q.data;
  return (
    <main id="main" className="survey-report" aria-labelledby={`${id}-h`} lang={lang === 'sr' ? 'sr-Latn' : lang}>
      <LoadError error={q.error} onRetry={q.refetch} />
      {data?.surveyWave && (
        <article>
          <header className="report-cover">
            <p className="report-kicker">{t('survey.reportKicker')}</p>
            <h1 id={`${id}-h`}>{data.surveyWave.title}</h1>
            {data.surveyWave.isDemo && <p className="report-demo">{t('survey.reportDemo')}</p>}
            <button type="button" className="no-print" onClick={() => window.print()}>{t('survey.print')}</button>
          </header>
          {CHAPTERS.map((c, i) => (
            <Chapter key={c.key} n={i + 1} chapter={c.key} questions={c.questions} data={data} lang={lang} />
          ))}
          <p className="report-method">{t('survey.reportMethod', { min: data.surveyResults.minCell })}</p>
        </article>
      )}
    </main>
  );
}

function Chapter({ n, chapter, questions, data, lang }: { n: number; chapter: string; questions: readonly string[]; data: Results; lang: Lang }) {
  const { t } = useTranslation();
  const all = data.surveyWave!.questionnaire.sections.flatMap((s) => s.questions);
  const asked = questions.map((code) => all.find((q) => q.code === code)).filter((q): q is (typeof all)[number] => Boolean(q));
  if (chapter !== 'who' && !asked.length) return null;
  const total = data.surveyResults.total;
  return (
    <section className="report-chapter" data-chapter={chapter}>
      <h2>{n}. {t(`survey.chapter.${chapter}`)}</h2>
      {chapter === 'who' ? (
        <>
          <p>{t('survey.reportWho', { submitted: data.surveyWave!.submittedCount, invited: data.surveyWave!.invitedCount, rate: formatShare(data.surveyWave!.invitedCount ? data.surveyWave!.submittedCount / data.surveyWave!.invitedCount : null, lang) })}</p>
          <table className="report-table">
            <thead><tr><th scope="col">{t('survey.dimension.REGION')}</th><th scope="col">{t('survey.respondents')}</th></tr></thead>
            <tbody>
              {data.surveyResults.cells.map((c) => (
                <tr key={c.key[0].code}><th scope="row">{localized(c.key[0].label, lang)}</th><td>{c.suppressed ? t(`survey.withheld.${c.suppressed}`, { min: data.surveyResults.minCell }) : c.respondents}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        asked.map((q) => {
          const f = total.figures.find((x) => x.question === q.code);
          if (!f || (f.answered ?? 0) === 0) return null;
          const optionLabel = (code: string) => (code === 'yes' ? t('survey.yes') : code === 'no' ? t('survey.no') : localized(q.options.find((o) => o.code === code)?.label, lang) || code);
          return (
            <table key={q.code} className="report-table" data-question={q.code}>
              <caption>{localized(q.label, lang)} <span className="muted">({t('survey.answeredBy', { count: f.answered ?? 0 })})</span></caption>
              <tbody>
                {q.type === 'NUMBER' ? (
                  <tr><th scope="row">{t('survey.meanMedian')}</th><td>{formatValue(f.mean ?? null, lang)} / {formatValue(f.median ?? null, lang)}</td></tr>
                ) : (
                  f.options.filter((o) => o.count > 0).map((o) => (
                    <tr key={o.code}>
                      <th scope="row">{optionLabel(o.code)}</th>
                      <td>{q.type === 'NUMBERS' ? formatValue(o.sum ?? null, lang, 0) : q.type === 'SHARES' ? `${formatValue(o.mean ?? null, lang)} %` : `${o.count} (${formatShare(o.share, lang)})`}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          );
        })
      )}
    </section>
  );
}
