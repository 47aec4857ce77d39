import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountsResolvers } from '../modules/accounts/account.resolver.js';
import { admitSignIns } from '../modules/accounts/sign-in.middleware.js';
import { auditRootFields } from '../modules/audit/audit.middleware.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { CareResolvers } from '../modules/care/care.resolver.js';
import { CatalogResolver } from '../modules/catalog/catalog.resolver.js';
import { ClientResolver } from '../modules/clients/client.resolver.js';
import { ClinicResolver } from '../modules/clinics/clinic.resolver.js';
import { QuestionnaireResolver } from '../modules/instruments/questionnaire.resolver.js';
import { ObservationResolver } from '../modules/measures/observation.resolver.js';
import { ProgressResolvers } from '../modules/progress/progress.resolver.js';
import { ResearchResolver } from '../modules/research/research.resolver.js';
import { assertEveryOperationHasARule, authChecker } from './auth-checker.js';

/** Builds the executable schema from the resolver classes (no files written). */
export async function buildFasciaSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      ClinicResolver,
      ClientResolver,
      ...CareResolvers,
      ObservationResolver,
      QuestionnaireResolver,
      CatalogResolver,
      AuditResolver,
      ...AccountsResolvers,
      ...ProgressResolvers,
      ResearchResolver,
    ],
    // Input is validated by the services, against the catalogs, where the rules live.
    validate: false,
    authChecker,
    // Sign-in attempts are admitted before the audit middleware opens a mutation's transaction (sign-in.middleware.ts).
    globalMiddlewares: [admitSignIns, auditRootFields],
  });
  assertEveryOperationHasARule();
  return schema;
}
