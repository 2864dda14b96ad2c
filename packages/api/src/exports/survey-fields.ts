import type { ExportField } from './export-fields';

/** The public survey results CSV: one row per cell, question and option, withheld cells left empty. */
export const SURVEY_RESULT_FIELDS: ExportField[] = [
  { name: 'wave_id', type: 'string', description: 'Survey wave id.', required: true },
  { name: 'wave_year', type: 'integer', description: 'The year the wave describes.', required: true },
  { name: 'dimension_1', type: 'string', description: 'First breakdown (REGION, MUNICIPALITY, CATEGORY, TARGET_GROUP, LEGAL_FORM, BUDGET_BAND); empty for the total.' },
  { name: 'code_1', type: 'string', description: 'Code of the cell in the first breakdown; _none when not known.' },
  { name: 'label_1', type: 'string', description: 'Name of that code in the language asked for (?lang=sq|sr|en).' },
  { name: 'dimension_2', type: 'string', description: 'Second breakdown, if any.' },
  { name: 'code_2', type: 'string', description: 'Code of the cell in the second breakdown.' },
  { name: 'label_2', type: 'string', description: 'Name of that code.' },
  { name: 'respondents', type: 'integer', description: 'Responding organizations in the cell; empty when withheld.', unit: 'organizations' },
  { name: 'cell_suppressed', type: 'string', description: 'Why the cell is withheld (PRIMARY: fewer than SURVEY_MIN_CELL respondents; COMPLEMENTARY: so that a small cell cannot be worked out from totals); empty when published.', enum: ['PRIMARY', 'COMPLEMENTARY'] },
  { name: 'question', type: 'string', description: 'Question code (stable across waves).', required: true },
  { name: 'answered', type: 'integer', description: 'Respondents in the cell that answered the question; empty when withheld.', unit: 'organizations' },
  { name: 'figure_suppressed', type: 'string', description: 'Why the question\'s figures in this cell are withheld; empty when published.', enum: ['PRIMARY', 'COMPLEMENTARY'] },
  { name: 'option', type: 'string', description: 'Option code for choice, yes/no, NUMBERS and SHARES questions; empty for the figures of a NUMBER question.' },
  { name: 'count', type: 'integer', description: 'Organizations that chose the option or gave a number for it.', unit: 'organizations' },
  { name: 'share', type: 'number', description: 'Share of those that answered (count / answered), 0 to 1 (choices and yes/no).' },
  { name: 'sum', type: 'number', description: 'Sum of the numbers, in the question\'s unit.' },
  { name: 'mean', type: 'number', description: 'Mean of the numbers (for SHARES: the mean percentage).' },
  { name: 'median', type: 'number', description: 'Median of the numbers.' },
];
