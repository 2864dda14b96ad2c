import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver';
import { MembershipResolver } from '../accounts/membership.resolver';
import { OrganizationViewerResolver, VerificationViewResolver } from '../accounts/viewer.resolver';
import { RevisionResolver } from '../revisions/revision.resolver';
import { EditingResolver } from '../revisions/editing.resolver';
import { VerificationResolver } from '../verification/verification.resolver';
import { MergeResolver } from '../merges/merge.resolver';
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
import { ContractingResolver } from '../organizations/contracting.resolver';
import { OrganizationServicesResolver, ServiceResolver } from '../services/service.resolver';
import { ServiceCategoryResolver, TargetGroupResolver } from '../reference/taxonomy.resolver';
import { SurveyWaveResolver } from '../surveys/survey.resolver';
import { SurveyResultsResolver } from '../surveys/results.resolver';
import { AboutResolver } from './about.resolver';
import { NodeResolver } from './node.resolver';
import { DateTimeScalar } from '../core/scalars';
import { leanResolvers } from './graphql/lean-resolvers';

let schema: Promise<GraphQLSchema> | undefined;

const RESOLVERS = [
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
  ContractingResolver,
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
  MergeResolver,
  RevisionResolver,
  SurveyWaveResolver,
  SurveyResultsResolver,
] as const;

export function buildCivimapSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [...RESOLVERS],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // No argument validation, global middleware or auth checker: what leanResolvers relies on.
    validate: false,
  })
    .then(describeRootTypes)
    .then((built) => leanResolvers(built, [...RESOLVERS]));
  return schema;
}

/** type-graphql has no decorator for the root types' own descriptions (GraphiQL's docs start there). */
function describeRootTypes(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  const mutation = built.getMutationType();
  if (query) query.description = 'Reads: the registry (organizations, map points, coverage, contracts), reference data, accounts and history. Lists are Relay connections of at most 100 items a page.';
  if (mutation) {
    mutation.description =
      'Writes: accounts, editing with revisions, verification, claims, contracts and shortlists. Each returns a payload whose userErrors (field, message, code) say why nothing was written.';
  }
  return built;
}

/** The SDL as committed in packages/api/schema.graphql: sorted, so that it diffs cleanly. */
export async function printCivimapSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildCivimapSchema()))}\n`;
}
