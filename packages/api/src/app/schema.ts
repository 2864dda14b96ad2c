import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver';
import { MembershipResolver } from '../accounts/membership.resolver';
import { OrganizationViewerResolver, VerificationViewResolver } from '../accounts/viewer.resolver';
import { RevisionResolver } from '../revisions/revision.resolver';
import { EditingResolver } from '../revisions/editing.resolver';
import { VerificationResolver } from '../verification/verification.resolver';
import { ContractResolver, OrganizationContractsResolver, PublicAuthorityResolver } from '../contracts/contract.resolver';
import { ContractWriteResolver } from '../contracts/contract-write.resolver';
import { CoverageResolver } from '../coverage/coverage.resolver';
import { ShortlistEntryResolver, ShortlistResolver } from '../shortlists/shortlist.resolver';
import { MunicipalityResolver, RegionResolver } from '../reference/geography.resolver';
import { CountryResolver, MunicipalityAtResolver } from '../reference/country.resolver';
import { LicenceResolver, OrganizationLicencesResolver } from '../licences/licence.resolver';
import { LocationResolver, OrganizationLocationsResolver } from '../locations/location.resolver';
import { OrganizationConnectionResolver, OrganizationResolver } from '../organizations/organization.resolver';
import { OrganizationContractabilityResolver } from '../organizations/contractability.resolver';
import { OrganizationServicesResolver, ServiceResolver } from '../services/service.resolver';
import { ServiceCategoryResolver, TargetGroupResolver } from '../reference/taxonomy.resolver';
import { AboutResolver } from './about.resolver';
import { NodeResolver } from './node.resolver';
import { DateTimeScalar } from '../core/scalars';

let schema: Promise<GraphQLSchema> | undefined;

export function buildCivimapSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      NodeResolver,
      AboutResolver,
      RegionResolver,
      MunicipalityResolver,
      CountryResolver,
      MunicipalityAtResolver,
      ServiceCategoryResolver,
      TargetGroupResolver,
      OrganizationResolver,
      OrganizationConnectionResolver,
      OrganizationContractabilityResolver,
      ServiceResolver,
      OrganizationServicesResolver,
      LocationResolver,
      OrganizationLocationsResolver,
      LicenceResolver,
      OrganizationLicencesResolver,
      ContractResolver,
      OrganizationContractsResolver,
      PublicAuthorityResolver,
      CoverageResolver,
      ContractWriteResolver,
      ShortlistResolver,
      ShortlistEntryResolver,
      AccountResolver,
      MembershipResolver,
      OrganizationViewerResolver,
      VerificationViewResolver,
      EditingResolver,
      VerificationResolver,
      RevisionResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  return schema;
}

/** The SDL as committed in packages/api/schema.graphql: sorted, so that it diffs cleanly. */
export async function printCivimapSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildCivimapSchema()))}\n`;
}
