// Every path one page links to on another. The route table (app/routes.ts) matches them; the
// features build them here, so that no feature reaches into another to make a link.

const enc = encodeURIComponent;

/** A path with `?next=` when there is somewhere to come back to. */
const withNext = (path: string, next?: string) => (next ? `${path}?next=${enc(next)}` : path);

export function orgPath(id: string): string {
  return `/org/${enc(id)}`;
}

export const paths = {
  coverage: '/coverage',
  contracts: '/contracts',
  org: orgPath,
  edit: (id: string) => `/org/${enc(id)}/edit`,
  history: (id: string) => `/org/${enc(id)}/history`,
  signIn: (next?: string) => withNext('/signin', next),
  register: (next?: string) => withNext('/register', next),
  forgotPassword: '/forgot-password',
  confirmEmail: '/confirm-email',
  me: '/me',
  newOrganization: '/me/new-organization',
  moderation: '/moderation',
  /** Merging duplicates, optionally with the record to keep chosen (a profile's "merge with…"). */
  merge: (kept?: string) => (kept ? `/moderation/merge?kept=${enc(kept)}` : '/moderation/merge'),
  contracting: '/contracting',
  recordContract: (provider?: string) => (provider ? `/contracting/record?provider=${enc(provider)}` : '/contracting/record'),
  import: '/import',
  surveys: '/surveys',
  surveyForm: (waveId: string, organizationId: string) => `/surveys/${enc(waveId)}/organizations/${enc(organizationId)}`,
  surveyResults: (waveId: string) => `/surveys/${enc(waveId)}/results`,
  surveyReport: (waveId: string) => `/surveys/${enc(waveId)}/report`,
};
