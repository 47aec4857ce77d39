import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
} from 'graphql';
import { buildSchema, getMetadataStorage, type MiddlewareFn } from 'type-graphql';
import { AccountsResolvers } from '../modules/accounts/account.resolver.js';
import { admitSignIns } from '../modules/accounts/sign-in.middleware.js';
import { AppointmentsResolvers } from '../modules/appointments/appointment.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { CareResolvers } from '../modules/care/care.resolver.js';
import { CatalogResolver } from '../modules/catalog/catalog.resolver.js';
import { ClientConnectionResolver, ClientResolver, IntakeComplaintResolver } from '../modules/clients/client.resolver.js';
import { ClinicResolver } from '../modules/clinics/clinic.resolver.js';
import { CorrectionsResolvers } from '../modules/corrections/corrections.resolver.js';
import { ExpectedChangeResolvers } from '../modules/expected-change/expected-change.resolver.js';
import { InstrumentsResolvers } from '../modules/instruments/questionnaire.resolver.js';
import { MeasuresResolvers } from '../modules/measures/observation.resolver.js';
import { ReminderResolver } from '../modules/notifications/reminder.resolver.js';
import { ProgressResolvers } from '../modules/progress/progress.resolver.js';
import { RecordingResolver } from '../modules/recording/recording.resolver.js';
import { SeriesReportResolver } from '../modules/reports/report.resolver.js';
import type { RequestContext } from '../modules/request/request-context.js';
import { ResearchResolver } from '../modules/research/research.resolver.js';
import { auditRootFields, clientDataTypes, noteClientData } from './audit.js';
import { assertEveryOperationHasARule, authChecker } from './auth-checker.js';
import { refuseMalformedText } from './text-arguments.js';

/** Builds the executable schema from the resolver classes (no files written). */
export async function buildFasciaSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      ClinicResolver,
      ClientResolver,
      ClientConnectionResolver,
      IntakeComplaintResolver,
      ...CareResolvers,
      ...AppointmentsResolvers,
      ...MeasuresResolvers,
      ...InstrumentsResolvers,
      RecordingResolver,
      ...CorrectionsResolvers,
      CatalogResolver,
      AuditResolver,
      ...AccountsResolvers,
      ...ProgressResolvers,
      SeriesReportResolver,
      ResearchResolver,
      ...ExpectedChangeResolvers,
      ReminderResolver,
    ],
    // Input is validated by the services, against the catalogs, where the rules live.
    validate: false,
    authChecker,
  });
  assertEveryOperationHasARule();
  readPlainFieldsDirectly(schema);
  // Sign-in attempts are admitted before the audit middleware opens a mutation's transaction (sign-in.middleware.ts).
  aroundFields(schema, (type) => type === schema.getQueryType() || type === schema.getMutationType(), [admitSignIns, auditRootFields]);
  auditClientData(schema);
  // Wrapped last, so it runs first: text PostgreSQL cannot store is refused before anything is written
  // (a sign-in attempt included), for the arguments of any field, nested ones too.
  aroundFields(schema, (_type, field) => field.args.length > 0, [refuseMalformedText]);
  return schema;
}

/**
 * Fields that only hand out a property of their object (no field resolver, no `@Authorized`, no middleware, the
 * property's own name) get graphql's default resolver instead of type-graphql's wrapper, which built a resolver data
 * object and a closure for each of them: a client's record has some 2,300. What type-graphql would have checked is
 * checked here, so a field that gains a role or a resolver keeps the wrapper.
 */
function readPlainFieldsDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const resolved = new Map<unknown, Set<string>>();
  for (const r of storage.fieldResolvers) {
    const target = r.getObjectType?.();
    resolved.set(target, (resolved.get(target) ?? new Set()).add(r.methodName));
  }
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const fields = type.getFields();
    for (const meta of objectType.fields ?? []) {
      const field = fields[meta.schemaName];
      const checked = meta.roles !== undefined || (meta.middlewares?.length ?? 0) > 0;
      // A method field with arguments needs type-graphql to inject them; graphql would pass (args, context, info).
      const computed = (meta.params?.length ?? 0) > 0 || resolved.get(meta.target)?.has(meta.name) === true;
      if (!field || meta.schemaName !== meta.name || checked || computed) continue;
      field.resolve = undefined;
    }
  }
}

/**
 * Runs `middlewares`, in order, around the fields `which` picks, outside type-graphql's own
 * authorization check. Not as type-graphql global middlewares: those wrap every field of every
 * object in an async call, which turned each scalar of a large answer into a promise.
 */
function aroundFields<Context extends RequestContext>(
  schema: GraphQLSchema,
  which: (type: GraphQLObjectType, field: GraphQLField<unknown, unknown>) => boolean,
  middlewares: MiddlewareFn<Context>[],
): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!which(type, field)) continue;
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context, info) => {
        const run = async (index: number): Promise<unknown> => {
          const middleware = middlewares[index];
          return middleware ? middleware({ root, args, context, info }, () => run(index + 1)) : resolve(root, args, context, info);
        };
        return run(0);
      };
    }
  }
}

/**
 * Every field whose type holds a client's data (`clientDataTypes`), wherever it is in the schema, notes whose
 * data it resolved to, for the audit rows written before the answer leaves. Synchronous values stay synchronous.
 */
function auditClientData(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const typeName = getNamedType(field.type).name;
      if (!(typeName in clientDataTypes)) continue;
      const resolve: GraphQLFieldResolver<unknown, object> = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context, info) => {
        const result = resolve(root, args, context, info);
        if (result instanceof Promise) {
          return result.then((value) => {
            noteClientData(context, typeName, value, info);
            return value;
          });
        }
        noteClientData(context, typeName, result, info);
        return result;
      };
    }
  }
}
