// The public results of a wave: bars by a chosen breakdown for a chosen question, the change since
// the previous wave, and a map of response rates by municipality; each with its table and CSV.
import { lazy, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, localized, type Lang } from '../shared/i18n/lang';
import { paths } from '../shared/router/paths';
import { useRefData } from '../shared/refdata';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { Link } from '../shared/ui/Link';
import { LoadError } from '../shared/ui/LoadError';
import { ChartBlock } from './ChartBlock';
import { SurveyComparisonQuery, SurveyPublicRatesQuery, SurveyResultsQuery, SurveyWavesQuery } from './operations';
import { RateMap } from './RateMap';
import { chartRows, formatShare, type Measure, measureOf, measureUnit } from './results';
import './surveys.css';

const ComparisonChart = lazy(async () => ({ default: (await import('./SurveyCharts')).ComparisonChart }));
const DIMENSIONS = ['REGION', 'MUNICIPALITY', 'CATEGORY', 'TARGET_GROUP', 'LEGAL_FORM', 'BUDGET_BAND'] as const;
type Dimension = (typeof DIMENSIONS)[number];

export function ResultsPage({ params, lang }: { params: Record<string, string>; lang: Lang }) {
  const { t } = useTranslation();
  const id = useId();
  const [dimension, setDimension] = useState<Dimension>('REGION');
  const q = useGqlQuery(SurveyResultsQuery, { wave: params.waveId, groupBy: [dimension], lang: apiLang(lang) }, { keepPrevious: true });
  const wave = q.data?.surveyWave;
  const questions = useMemo(() => (wave?.questionnaire.sections ?? []).flatMap((s) => s.questions).filter((x) => !x.private), [wave]);
  const [questionCode, setQuestionCode] = useState('staff_paid');
  const question = questions.find((x) => x.code === questionCode) ?? questions[0];
  const [optionCode, setOptionCode] = useState('');
  const options = question?.type === 'YES_NO' ? [{ code: 'yes', label: { sq: t('survey.yes'), sr: t('survey.yes'), en: t('survey.yes') } }] : (question?.options ?? []);
  const option = options.find((o) => o.code === optionCode)?.code ?? options[0]?.code;
  const measure: Measure | null = question ? { question: question.code, type: question.type, option } : null;
  const results = q.data?.surveyResults;
  const rows = results && measure ? chartRows(results.cells, measure, lang) : [];
  const unit = measure ? t(`survey.unit.${measureUnit(measure, question?.unit)}`, { defaultValue: '' }) : '';
  const valueName = measure ? `${t(`survey.measure.${measure.type}`)}${unit ? ` (${unit})` : ''}` : '';
  const dimensionName = t(`survey.dimension.${dimension}`);

  return (
    <main id="main" className="page-wide survey-results" aria-labelledby={`${id}-h`}>
      <DemoBanner show={wave?.isDemo === true} />
      <h1 id={`${id}-h`}>{wave ? t('survey.resultsTitle', { title: wave.title }) : t('survey.results')}</h1>
      <LoadError error={q.error} onRetry={q.refetch} />
      {wave && results && (
        <>
          <p className="lead" data-testid="respondents">{t('survey.resultsLead', { submitted: wave.submittedCount, invited: wave.invitedCount, min: results.minCell })}</p>
          <p><Link href={paths.surveyReport(wave.id)}>{t('survey.reportLink')}</Link> · <a href={`/export/survey-results.csv?wave=${wave.id}&groupBy=${dimension}`}>{t('survey.allFiguresCsv')}</a></p>
          <div className="filters-row">
            <label>{t('survey.groupBy')} <select value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)} data-testid="dimension">{DIMENSIONS.map((d) => <option key={d} value={d}>{t(`survey.dimension.${d}`)}</option>)}</select></label>
            <label>{t('survey.question')} <select value={question?.code} onChange={(e) => { setQuestionCode(e.target.value); setOptionCode(''); }} data-testid="question">{questions.map((x) => <option key={x.code} value={x.code}>{localized(x.label, lang)}</option>)}</select></label>
            {question && question.type !== 'NUMBER' && options.length > 0 && (
              <label>{t('survey.option')} <select value={option} onChange={(e) => setOptionCode(e.target.value)}>{options.map((o) => <option key={o.code} value={o.code}>{localized(o.label, lang)}</option>)}</select></label>
            )}
          </div>
          {question && (
            <ChartBlock title={`${localized(question.label, lang)}${option && question.type !== 'NUMBER' ? ` — ${localized(options.find((o) => o.code === option)?.label, lang)}` : ''} · ${dimensionName}`}
              rows={rows} valueName={valueName} lang={lang} minCell={results.minCell} fileName={`civimap-survey-${wave.year}-${question.code}-${dimension.toLowerCase()}.csv`} />
          )}
          {measure && <Comparison waveId={wave.id} year={wave.year} dimension={dimension} measure={measure} valueName={valueName} lang={lang} minCell={results.minCell} />}
          <RatesMap waveId={wave.id} year={wave.year} lang={lang} minCell={results.minCell} />
        </>
      )}
    </main>
  );
}

function Comparison({ waveId, year, dimension, measure, valueName, lang, minCell }: { waveId: string; year: number; dimension: Dimension; measure: Measure; valueName: string; lang: Lang; minCell: number }) {
  const { t } = useTranslation();
  const waves = useGqlQuery(SurveyWavesQuery, { lang: apiLang(lang) });
  const previous = waves.data?.surveyWaves.edges.map((e) => e.node).filter((w) => w.status === 'CLOSED' && w.year < year).sort((a, b) => b.year - a.year)[0];
  const q = useGqlQuery(SurveyComparisonQuery, { from: previous?.id ?? '', to: waveId, groupBy: [dimension] }, { enabled: Boolean(previous), keepPrevious: true });
  if (!previous || !q.data) return null;
  const cmp = q.data.surveyComparison;
  if (!cmp.questions.includes(measure.question)) return null;
  const pairs = cmp.cells.map((c) => ({
    code: c.key.map((k) => k.code).join(' × '),
    label: c.key.map((k) => localized(k.label, lang)).join(' × '),
    from: measureOf(c.from?.suppressed ? undefined : c.from?.figures.find((f) => f.question === measure.question), measure),
    to: measureOf(c.to?.suppressed ? undefined : c.to?.figures.find((f) => f.question === measure.question), measure),
    suppressed: c.from?.suppressed ?? c.to?.suppressed ?? null,
  }));
  const rows = pairs.map((p) => ({ code: p.code, label: p.label, value: p.from === null || p.to === null ? null : Math.round((p.to - p.from) * 10) / 10, respondents: null, suppressed: p.suppressed }));
  return (
    <ChartBlock title={t('survey.comparisonTitle', { from: previous.year, to: year })} rows={rows} valueName={`${t('survey.change')} · ${valueName}`} lang={lang} minCell={minCell}
      fileName={`civimap-survey-${previous.year}-${year}-${measure.question}-${dimension.toLowerCase()}.csv`}
      chart={<ComparisonChart rows={pairs} fromName={String(previous.year)} toName={String(year)} />} />
  );
}

function RatesMap({ waveId, year, lang, minCell }: { waveId: string; year: number; lang: Lang; minCell: number }) {
  const { t } = useTranslation();
  const { data: ref } = useRefData();
  const q = useGqlQuery(SurveyPublicRatesQuery, { id: waveId });
  const cells = q.data?.surveyWave?.responseRates.cells ?? [];
  const rows = cells.map((c) => ({
    code: c.key[0].code,
    label: localized(c.key[0].label, lang),
    value: c.rate === null || c.rate === undefined ? null : Math.round(c.rate * 1000) / 10,
    respondents: c.submitted ?? null,
    suppressed: c.suppressed ?? null,
  }));
  const mapRows = cells.flatMap((c) => {
    const m = ref?.municipalityByCode.get(c.key[0].code);
    if (!m) return [];
    const text = c.suppressed ? t(`survey.withheld.${c.suppressed}`, { min: minCell }) : t('survey.rateText', { rate: formatShare(c.rate, lang), submitted: c.submitted, invited: c.invited });
    return [{ code: m.code, name: m.name, seat: m.seat, rate: c.rate ?? null, withheld: Boolean(c.suppressed), text }];
  });
  return (
    <ChartBlock title={t('survey.rateMapTitle')} rows={rows} valueName={t('survey.ratePercent')} lang={lang} minCell={minCell} fileName={`civimap-survey-${year}-response-rates.csv`}
      chart={<RateMap rows={mapRows} label={t('survey.rateMapTitle')} />} />
  );
}
