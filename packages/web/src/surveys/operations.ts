// The GraphQL operations of the survey pages.
import { graphql } from '../gql';

/** A wave as the survey pages name and date it. */
export const SurveyWaveFieldsFragment = graphql(`
  fragment SurveyWaveFields on SurveyWave {
    id
    year
    title(lang: $lang)
    status
    opensOn
    closesOn
    isDemo
  }
`);

export const SurveyWavesQuery = graphql(`
  query SurveyWaves($lang: Language!) {
    surveyWaves(first: 50) {
      totalCount
      edges {
        node {
          ...SurveyWaveFields
          version
          invitedCount
          submittedCount
          questionnaireVersion
        }
      }
    }
    surveyQuestionnaireVersions
  }
`);

export const MySurveysQuery = graphql(`
  query MySurveys($lang: Language!) {
    mySurveys {
      responseStatus
      wave {
        id
        year
        title(lang: $lang)
        status
        closesOn
      }
      organization {
        id
        name(lang: $lang)
      }
    }
  }
`);


export const SurveyFormQuery = graphql(`
  query SurveyForm($waveId: ID!, $organizationId: ID!, $lang: Language!) {
    surveyForm(waveId: $waveId, organizationId: $organizationId) {
      editable
      prefilledFromRegistry
      prefilledFromPreviousWave
      organization { id name(lang: $lang) }
      response { id version status submittedAt }
      answers { question number choice choices yes text parts { code value } }
      wave {
        ...SurveyWaveFields
        questionnaire {
          version
          sections {
            code
            title { sq sr en }
            questions {
              code
              type
              label { sq sr en }
              required
              min
              max
              integer
              unit
              maxLength
              private
              showIf { question equals }
              options { code label { sq sr en } }
            }
          }
        }
      }
    }
  }
`);

export const SaveSurveyDraftMutation = graphql(`
  mutation SaveSurveyDraft($input: SurveyResponseInput!) {
    saveSurveyDraft(input: $input) {
      response { id version status }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const SubmitSurveyMutation = graphql(`
  mutation SubmitSurvey($input: SubmitSurveyResponseInput!) {
    submitSurveyResponse(input: $input) {
      response { id version status submittedAt }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const OpenSurveyWaveMutation = graphql(`
  mutation OpenSurveyWave($input: OpenSurveyWaveInput!) {
    openSurveyWave(input: $input) {
      wave { id }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RemindSurveyWaveMutation = graphql(`
  mutation RemindSurveyWave($waveId: ID!) {
    remindSurveyWave(waveId: $waveId) {
      reminded
      userErrors { ...UserErrorFields }
    }
  }
`);

export const CloseSurveyWaveMutation = graphql(`
  mutation CloseSurveyWave($waveId: ID!, $version: Int!) {
    closeSurveyWave(waveId: $waveId, version: $version) {
      wave { id status }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const SurveyRatesQuery = graphql(`
  query SurveyRates($id: ID!, $groupBy: SurveyDimension, $lang: Language!) {
    surveyWave(id: $id) {
      id
      title(lang: $lang)
      status
      submittedCount
      invitedCount
      responseRates(groupBy: $groupBy) {
        total { invited started submitted rate suppressed }
        cells { key { code label { sq sr en } } invited started submitted rate suppressed }
      }
    }
  }
`);

export const SurveyResultsQuery = graphql(`
  query SurveyResults($wave: ID!, $groupBy: [SurveyDimension!]!, $lang: Language!) {
    surveyWave(id: $wave) {
      id
      year
      title(lang: $lang)
      status
      isDemo
      opensOn
      closesOn
      invitedCount
      submittedCount
      questionnaire {
        version
        sections {
          code
          title { sq sr en }
          questions { code type label { sq sr en } unit private options { code label { sq sr en } } }
        }
      }
    }
    surveyResults(wave: $wave, groupBy: $groupBy) {
      minCell
      total { respondents suppressed figures { question answered suppressed sum mean median options { code count share sum mean median } } }
      cells {
        key { dimension code label { sq sr en } }
        respondents
        suppressed
        figures { question answered suppressed sum mean median options { code count share sum mean median } }
      }
    }
  }
`);

export const SurveyComparisonQuery = graphql(`
  query SurveyComparisonQ($from: ID!, $to: ID!, $groupBy: [SurveyDimension!]!) {
    surveyComparison(from: $from, to: $to, groupBy: $groupBy) {
      questions
      cells {
        key { code label { sq sr en } }
        from { respondents suppressed figures { question suppressed mean options { code share mean } } }
        to { respondents suppressed figures { question suppressed mean options { code share mean } } }
      }
    }
  }
`);

export const SurveyPublicRatesQuery = graphql(`
  query SurveyPublicRates($id: ID!) {
    surveyWave(id: $id) {
      id
      responseRates(groupBy: MUNICIPALITY) {
        cells { key { code label { sq sr en } } invited submitted rate suppressed }
      }
    }
  }
`);
