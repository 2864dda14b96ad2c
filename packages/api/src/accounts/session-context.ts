import type { ActorContext } from '../access/actor-context';
import type { WithLoaders } from '../core/context';
import type { Mailer } from '../mail/mailer';
import type { OrganizationLoaders } from '../organizations/organization.loaders';
import type { RequestCredentials, Viewer } from './auth';

/** A request as the account operations see it: its credentials, its session and a mailer. */
export interface SessionContext extends ActorContext, WithLoaders<OrganizationLoaders> {
  /** The session token the request presented (cookie or bearer), and where to set the cookie. */
  credentials: RequestCredentials;
  /** The signed-in session and user, looked up once per request and only when asked for. */
  viewer: () => Promise<Viewer>;
  mailer: Mailer;
  /** The web app's address, for links in mails (AppConfig.publicUrl). */
  publicUrl: string;
}
