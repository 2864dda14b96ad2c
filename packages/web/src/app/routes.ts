// The route table: every page with its path pattern, how it loads, its title and who may see it.
// App renders from it; a feature's pages know nothing of the others but the paths they link to
// (shared/router/paths.ts).
//
// The map and the profile are part of the initial JavaScript (the public entry points: no extra
// round trip before the first paint); every other page loads on demand (React.lazy).
import { lazy, type ComponentType } from 'react';
import type { Lang } from '../shared/i18n/lang';
import { matchPath } from '../shared/router/router';
import { MapPage } from '../map/MapPage';
import { ProfilePage } from '../profile/ProfilePage';

export interface PageProps {
  /** The pattern's parameters (":id" → params.id), decoded. */
  params: Record<string, string>;
  search: string;
  lang: Lang;
}

export type Access =
  | { kind: 'signedIn' }
  | { kind: 'moderator' }
  /** The role-gated pages: the API's viewer must hold one of `roles`; `deniedKey` says why not. */
  | { kind: 'roles'; roles: readonly string[]; deniedKey: string; headingKey: string };

export interface RouteDef {
  name: string;
  pattern: string;
  page: ComponentType<PageProps>;
  /**
   * The document title, required of every route: `"<title> · civimap"`; null: the site's title and
   * tagline (the home page); 'page': the page sets it (a profile names its organization).
   */
  titleKey: string | 'page' | null;
  /** 'signedIn': inside the signed-in pages' frame (main.page-narrow.account-page). */
  frame?: 'signedIn';
  access?: Access;
}

/** A lazily loaded page: a named export of a module that is fetched the first time it is shown. */
function lazyPage<M>(load: () => Promise<M>, name: keyof M): ComponentType<PageProps> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<PageProps> }));
}

const OFFICERS = ['AUTHORITY_OFFICER', 'ADMIN'] as const;
const IMPORTERS = ['MODERATOR', 'ADMIN'] as const;

export const ROUTES: readonly RouteDef[] = [
  { name: 'map', pattern: '/', page: MapPage, titleKey: null },
  { name: 'org', pattern: '/org/:id', page: ProfilePage, titleKey: 'page' },
  { name: 'edit', pattern: '/org/:id/edit', page: lazyPage(() => import('../editor/OrgEditor'), 'OrgEditor'), titleKey: 'editor.title', frame: 'signedIn', access: { kind: 'signedIn' } },
  { name: 'history', pattern: '/org/:id/history', page: lazyPage(() => import('../editor/HistoryPage'), 'HistoryPage'), titleKey: 'history.title', frame: 'signedIn' },
  { name: 'coverage', pattern: '/coverage', page: lazyPage(() => import('../coverage/CoveragePage'), 'CoveragePage'), titleKey: 'coverage.title' },
  { name: 'contracts', pattern: '/contracts', page: lazyPage(() => import('../contracts/ContractsPage'), 'ContractsPage'), titleKey: 'contracts.title' },
  { name: 'signIn', pattern: '/signin', page: lazyPage(() => import('../account/SignInPage'), 'SignInPage'), titleKey: 'account.signInTitle', frame: 'signedIn' },
  { name: 'register', pattern: '/register', page: lazyPage(() => import('../account/RegisterPage'), 'RegisterPage'), titleKey: 'account.registerTitle', frame: 'signedIn' },
  { name: 'confirmEmail', pattern: '/confirm-email', page: lazyPage(() => import('../account/ConfirmEmailPage'), 'ConfirmEmailPage'), titleKey: 'account.confirmTitle', frame: 'signedIn' },
  { name: 'forgotPassword', pattern: '/forgot-password', page: lazyPage(() => import('../account/PasswordPages'), 'ForgotPasswordPage'), titleKey: 'account.forgotTitle', frame: 'signedIn' },
  // the API's reset and invitation mails link to these two paths
  { name: 'resetPassword', pattern: '/reset-password', page: lazyPage(() => import('../account/PasswordPages'), 'ResetPasswordPage'), titleKey: 'account.resetTitle', frame: 'signedIn' },
  { name: 'acceptInvitation', pattern: '/invitations/accept', page: lazyPage(() => import('../account/AcceptInvitationPage'), 'AcceptInvitationPage'), titleKey: 'account.invitationTitle', frame: 'signedIn', access: { kind: 'signedIn' } },
  { name: 'me', pattern: '/me', page: lazyPage(() => import('../account/MyOrganizationsPage'), 'MyOrganizationsPage'), titleKey: 'account.myOrganizations', frame: 'signedIn', access: { kind: 'signedIn' } },
  { name: 'newOrganization', pattern: '/me/new-organization', page: lazyPage(() => import('../account/NewOrganizationPage'), 'NewOrganizationPage'), titleKey: 'account.newOrganizationTitle', frame: 'signedIn', access: { kind: 'signedIn' } },
  { name: 'moderation', pattern: '/moderation', page: lazyPage(() => import('../moderation/ModerationPage'), 'ModerationPage'), titleKey: 'moderation.title', frame: 'signedIn', access: { kind: 'moderator' } },
  { name: 'merge', pattern: '/moderation/merge', page: lazyPage(() => import('../moderation/MergePage'), 'MergePage'), titleKey: 'merge.title', frame: 'signedIn', access: { kind: 'moderator' } },
  { name: 'contracting', pattern: '/contracting', page: lazyPage(() => import('../officer/ContractingPage'), 'ContractingPage'), titleKey: 'officer.title.contracting', access: { kind: 'roles', roles: OFFICERS, deniedKey: 'officer.needOfficer', headingKey: 'officer.title.contracting' } },
  { name: 'recordContract', pattern: '/contracting/record', page: lazyPage(() => import('../officer/RecordContractPage'), 'RecordContractPage'), titleKey: 'officer.title.recordContract', access: { kind: 'roles', roles: OFFICERS, deniedKey: 'officer.needOfficer', headingKey: 'officer.title.recordContract' } },
  { name: 'surveys', pattern: '/surveys', page: lazyPage(() => import('../surveys/SurveysPage'), 'SurveysPage'), titleKey: 'survey.title' },
  // the invitation and reminder mails link to this path
  { name: 'surveyForm', pattern: '/surveys/:waveId/organizations/:orgId', page: lazyPage(() => import('../surveys/SurveyFormPage'), 'SurveyFormPage'), titleKey: 'survey.formTitle', access: { kind: 'signedIn' } },
  { name: 'surveyResults', pattern: '/surveys/:waveId/results', page: lazyPage(() => import('../surveys/ResultsPage'), 'ResultsPage'), titleKey: 'survey.results' },
  { name: 'surveyReport', pattern: '/surveys/:waveId/report', page: lazyPage(() => import('../surveys/ReportPage'), 'ReportPage'), titleKey: 'survey.report' },
  { name: 'import', pattern: '/import', page: lazyPage(() => import('../imports/ImportPage'), 'ImportPage'), titleKey: 'officer.title.import', access: { kind: 'roles', roles: IMPORTERS, deniedKey: 'officer.needModerator', headingKey: 'officer.title.import' } },
];

/** A route's document title (see RouteDef.titleKey; 'page' titles are set by their page). */
export function documentTitle(t: (key: string) => string, titleKey: string | null): string {
  return titleKey ? `${t(titleKey)} · ${t('app.title')}` : `${t('app.title')} · ${t('app.tagline')}`;
}

export interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

/** The page for a path, or null (not found). The built index.html and an empty path are the map. */
export function matchRoute(pathname: string, routes: readonly RouteDef[] = ROUTES): Match | null {
  const path = pathname === '' || pathname === '/index.html' ? '/' : pathname;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}
