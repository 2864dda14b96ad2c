import { Invitation } from '../../accounts/invitation.entity';
import { Membership } from '../../access/membership.entity';
import { OrganizationClaim } from '../../accounts/organization-claim.entity';
import { EmailConfirmationToken } from '../../accounts/email-confirmation-token.entity';
import { PasswordResetToken } from '../../accounts/password-reset-token.entity';
import { Session } from '../../accounts/session.entity';
import { User } from '../../users/user.entity';
import { Revision } from '../../revisions/revision.entity';
import { ImportJob } from '../../imports/import-job.entity';
import { Contract } from '../../contracts/contract.entity';
import { PublicAuthority } from '../../authorities/public-authority.entity';
import { Municipality } from '../../geography/municipality.entity';
import { Region } from '../../geography/region.entity';
import { Licence } from '../../licences/licence.entity';
import { Location } from '../../locations/location.entity';
import { OutboxMessage } from '../../mail/outbox-message.entity';
import { Organization } from '../../organizations/organization.entity';
import { ServiceAtLocation } from '../../services/service-at-location.entity';
import { Service } from '../../services/service.entity';
import { Shortlist, ShortlistEntry } from '../../shortlists/shortlist.entity';
import { ServiceCategory } from '../../taxonomy/service-category.entity';
import { TargetGroup } from '../../taxonomy/target-group.entity';
import { SurveyInvitation, SurveyNotice, SurveyResponse, SurveyWave } from '../../surveys/survey.entity';
import { BaseEntity, VersionedEntity } from '../../core/base.entity';
import { HashedToken } from '../../accounts/hashed-token.entity';
import { UserToken } from '../../accounts/user-token.entity';
import { LocalizedText, OptionalLocalizedText } from '../../core/localized-text';

export const entities = [
  BaseEntity,
  VersionedEntity,
  HashedToken,
  UserToken,
  LocalizedText,
  OptionalLocalizedText,
  Region,
  Municipality,
  ServiceCategory,
  TargetGroup,
  Organization,
  Location,
  Service,
  ServiceAtLocation,
  Licence,
  PublicAuthority,
  Contract,
  User,
  Membership,
  Revision,
  ImportJob,
  Session,
  PasswordResetToken,
  EmailConfirmationToken,
  Invitation,
  OrganizationClaim,
  OutboxMessage,
  Shortlist,
  ShortlistEntry,
  SurveyWave,
  SurveyInvitation,
  SurveyNotice,
  SurveyResponse,
];
