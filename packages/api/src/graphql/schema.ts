import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver';
import { MembershipResolver } from '../accounts/membership.resolver';
import { OrganizationViewerResolver, VerificationViewResolver } from '../accounts/viewer.resolver';
import { RevisionResolver } from '../audit/revision.resolver';
import { EditingResolver } from '../editing/editing.resolver';
import { VerificationResolver } from '../verification/verification.resolver';
import { ContractResolver, PublicAuthorityResolver } from '../contracts/contract.resolver';
import { ContractWriteResolver } from '../contracts/contract-write.resolver';
import { CoverageResolver } from '../coverage/coverage.resolver';
import { ShortlistEntryResolver, ShortlistResolver } from '../shortlists/shortlist.resolver';
import { MunicipalityResolver, RegionResolver } from '../geography/geography.resolver';
import { LicenceResolver } from '../licences/licence.resolver';
import { LocationResolver } from '../locations/location.resolver';
import { OrganizationConnectionResolver, OrganizationResolver } from '../organizations/organization.resolver';
import { ServiceResolver } from '../services/service.resolver';
import { ServiceCategoryResolver, TargetGroupResolver } from '../taxonomy/taxonomy.resolver';
import { AboutResolver } from './about.resolver';
import { NodeResolver } from './node.resolver';
import { DateTimeScalar } from './scalars';

let schema: Promise<GraphQLSchema> | undefined;

export function buildCivimapSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      NodeResolver,
      AboutResolver,
      RegionResolver,
      MunicipalityResolver,
      ServiceCategoryResolver,
      TargetGroupResolver,
      OrganizationResolver,
      OrganizationConnectionResolver,
      ServiceResolver,
      LocationResolver,
      LicenceResolver,
      ContractResolver,
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
