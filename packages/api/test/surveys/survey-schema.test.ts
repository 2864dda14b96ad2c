import { GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildCivimapSchema } from '../../src/app/schema';
import { checkQuestionnaire, QUESTIONNAIRE_VERSIONS, questionnaire, questionsOf } from '../../src/surveys/questionnaire';
import { suppressCells } from '../../src/surveys/suppression';

const SURVEY_NAME = /survey|suppression/i;

/** Every survey type, field, argument, enum value and input field, and what of it has no description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const surveyType = SURVEY_NAME.test(type.name);
    if (surveyType && !type.description) missing.push(type.name);
    if (type instanceof GraphQLEnumType && surveyType) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    if (type instanceof GraphQLInputObjectType && surveyType) for (const f of Object.values(type.getFields())) if (!f.description) missing.push(`${type.name}.${f.name}`);
    if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType) {
      for (const field of Object.values(type.getFields())) {
        if (!surveyType && !SURVEY_NAME.test(field.name)) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  return missing;
}

describe('the survey schema', () => {
  it('describes every survey type, field, argument, enum value and input field', async () => {
    const schema = await buildCivimapSchema();
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['surveyWaves', 'surveyWave', 'surveyResults', 'surveyComparison']));
    expect(undescribed(schema)).toEqual([]);
  });
});

describe('the questionnaires (committed data)', () => {
  it('are well-formed, trilingual, and keep their question codes from version to version', () => {
    expect(QUESTIONNAIRE_VERSIONS).toEqual(['2022.1', '2024.1']);
    const [a, b] = QUESTIONNAIRE_VERSIONS.map((v) => questionnaire(v)!);
    expect(a.sections.map((s) => s.code)).toEqual(['capacity', 'services', 'contracting', 'licensing', 'shock', 'needs']);
    const codesB = new Set(questionsOf(b).map((q) => q.code));
    for (const q of questionsOf(a)) expect(codesB.has(q.code), q.code).toBe(true);
    expect(() => checkQuestionnaire({ ...a, sections: [{ ...a.sections[0], questions: [a.sections[0].questions[0], a.sections[0].questions[0]] }] })).toThrow(/twice/);
    expect(() => checkQuestionnaire({ ...a, sections: [{ ...a.sections[0], questions: [{ ...a.sections[0].questions[0], label: { sq: 'x', sr: '', en: 'x' } }] }] })).toThrow(/sr label/);
  });
});

describe('complementary suppression', () => {
  it('hides a second cell in every line left with one, until none is', () => {
    // A 2 × 2 table with one small cell: its row and its column each need a complement, and then the diagonal.
    const cells = [
      { id: 'a1', n: 3, lines: ['row:a', 'col:1'] },
      { id: 'a2', n: 9, lines: ['row:a', 'col:2'] },
      { id: 'b1', n: 8, lines: ['row:b', 'col:1'] },
      { id: 'b2', n: 20, lines: ['row:b', 'col:2'] },
    ];
    const hidden = suppressCells(cells, 5);
    expect(Object.fromEntries(hidden)).toEqual({ a1: 'PRIMARY', a2: 'COMPLEMENTARY', b1: 'COMPLEMENTARY', b2: 'COMPLEMENTARY' });
    expect(Object.fromEntries(suppressCells(cells.map((c) => ({ ...c, lines: ['all'] })), 5))).toEqual({ a1: 'PRIMARY', b1: 'COMPLEMENTARY' });
    expect(suppressCells([{ id: 'x', n: 0, lines: ['all'] }, { id: 'y', n: 7, lines: ['all'] }], 5).size).toBe(0);
  });
});
