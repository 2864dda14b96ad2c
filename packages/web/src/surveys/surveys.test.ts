import { describe, expect, it } from 'vitest';
import { chartCsv, chartRows, measureOf } from './results';
import { errorsByQuestion, fromApi, sectionProgress, sharesSum, toApi, type Section } from './survey-form';

const label = (s: string) => ({ sq: s, sr: s, en: s });
const sections: Section[] = [
  {
    code: 'capacity',
    title: label('Capacity'),
    questions: [
      { code: 'staff_paid', type: 'NUMBER', label: label('Staff'), required: true, integer: true, private: false, options: [] },
      { code: 'funding_shares', type: 'SHARES', label: label('Funding'), required: true, integer: true, private: false, options: [{ code: 'public', label: label('P') }, { code: 'own', label: label('O') }] },
      { code: 'waiting_list', type: 'YES_NO', label: label('Waiting'), required: false, integer: false, private: false, options: [] },
      { code: 'waiting_list_size', type: 'NUMBER', label: label('Size'), required: false, integer: true, private: false, options: [], showIf: { question: 'waiting_list', equals: true } },
    ],
  },
];

describe('survey form', () => {
  it('sends only asked and answered questions, numbers as numbers', () => {
    const answers = fromApi([{ question: 'staff_paid', number: 4 }, { question: 'waiting_list', yes: false }]);
    answers.waiting_list_size = { number: '12' };
    answers.funding_shares = { parts: { public: '60', own: '' } };
    expect(toApi(sections, answers)).toEqual([
      { question: 'staff_paid', number: 4 },
      { question: 'funding_shares', parts: [{ code: 'public', value: 60 }] },
      { question: 'waiting_list', yes: false },
    ]);
    expect(sectionProgress(sections[0], answers)).toEqual({ asked: 3, answered: 3 });
    expect(sharesSum(answers.funding_shares)).toBe(60);
  });

  it('puts the API\'s errors next to their questions', () => {
    const sorted = errorsByQuestion([
      { field: ['input', 'answers', 'funding_shares'], message: 'add up to 90', code: 'INVALID_INPUT' },
      { field: ['input', 'version'], message: 'stale', code: 'STALE_VERSION' },
    ]);
    expect(sorted.byQuestion).toEqual({ funding_shares: ['add up to 90'] });
    expect(sorted.stale).toBe(true);
    expect(sorted.general).toHaveLength(1);
  });
});

describe('survey results', () => {
  const cells = [
    { key: [{ code: 'prizren', label: label('Prizren') }], respondents: 12, suppressed: null, figures: [{ question: 'waiting_list', answered: 12, options: [{ code: 'yes', share: 0.25 }] }] },
    { key: [{ code: 'suhareke', label: label('Suharekë') }], respondents: null, suppressed: 'PRIMARY', figures: [{ question: 'waiting_list', suppressed: 'PRIMARY', options: [] }] },
  ];
  it('keeps withheld cells in the chart rows, without a value, and says so in the CSV', () => {
    const rows = chartRows(cells, { question: 'waiting_list', type: 'YES_NO', option: 'yes' }, 'en');
    expect(rows).toEqual([
      { code: 'prizren', label: 'Prizren', value: 25, respondents: 12, suppressed: null },
      { code: 'suhareke', label: 'Suharekë', value: null, respondents: null, suppressed: 'PRIMARY' },
    ]);
    expect(chartCsv(rows, { cell: 'Municipality', value: '=Share' })).toBe("code,Municipality,'=Share,respondents,suppressed\r\nprizren,Prizren,25,12,\r\nsuhareke,Suharekë,,,PRIMARY\r\n");
    expect(measureOf({ question: 'staff_paid', mean: 7.5, options: [] }, { question: 'staff_paid', type: 'NUMBER' })).toBe(7.5);
  });
});
