import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { checkInteger } from '../../common/validate.js';
import { clinicViewer, staffViewer } from '../../common/viewer.js';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars.js';
import type { RequestContext } from '../request/request-context.js';
import { findAuditTrail, findRecordAccess } from './audit.service.js';
import { AuditEventNode } from './audit.type.js';
import { checkAuditFilter, decodeAuditCursor } from './audit-filter.js';

const maxEvents = 200;

@Resolver(() => AuditEventNode)
export class AuditResolver {
  @Authorized('ADMIN')
  @Query(() => [AuditEventNode], {
    description:
      "The clinic's audit trail, newest first, narrowed by any of the filters (all must hold). Page with `after`: the `cursor` " +
      'of the last event of the previous page. `GET`-free CSV of the same rows: `POST /audit/export.csv` (docs/api.md).',
  })
  async auditTrail(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('clientId', () => ID, { nullable: true, description: 'Only events about this client.' }) clientId: string | null,
    @Arg('before', () => DateTimeScalar, { nullable: true, description: 'Only events before this instant (older paging; see `after`).' })
    before: Date | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, 1-${maxEvents}.` }) first: number,
    @Arg('accountId', () => ID, { nullable: true, description: 'Only events of this account (who acted).' }) accountId: string | null,
    @Arg('operation', () => String, { nullable: true, description: 'Only this operation, e.g. Query.client or Mutation.recordSession.' })
    operation: string | null,
    @Arg('refused', () => Boolean, { nullable: true, description: 'true: refusals only (DENIED, NOT_FOUND); false: allowed only.' })
    refused: boolean | null,
    @Arg('fromDate', () => LocalDateScalar, { nullable: true, description: "First day, inclusive, in the clinic's time zone." })
    fromDate: string | null,
    @Arg('toDate', () => LocalDateScalar, { nullable: true, description: "Last day, inclusive, in the clinic's time zone." })
    toDate: string | null,
    @Arg('after', () => String, { nullable: true, description: 'The `cursor` of the last event of the previous page.' }) after:
      | string
      | null,
  ): Promise<AuditEventNode[]> {
    checkInteger('first', first, 1, maxEvents);
    const filter = await checkAuditFilter(em, staffViewer(viewer), { clientId, accountId, operation, refused, fromDate, toDate, before });
    const rows = await findAuditTrail(em, filter, { after: after ? decodeAuditCursor('after', after) : null, limit: first });
    return rows.map((row) => AuditEventNode.fromRow(row));
  }

  @Authorized('CLIENT')
  @Query(() => [AuditEventNode], { description: 'Who has accessed my record, or tried to and was refused, newest first (for a client).' })
  async myRecordAccess(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, 1-${maxEvents}.` }) first: number,
  ): Promise<AuditEventNode[]> {
    checkInteger('first', first, 1, maxEvents);
    const client = clinicViewer(viewer);
    if (client.role !== 'CLIENT') return [];
    // Refused attempts on the record too, from anywhere (audit.service.ts `writeAttemptsOnRecords`).
    const rows = await findRecordAccess(em, client.clientId, first);
    // The email of whoever acted is for the clinic admin only (the field is theirs): left out of a client's answer.
    return rows.map((row) => AuditEventNode.fromRow({ ...row, account_email: null }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The name of whoever acted, when they are staff of the reader's clinic (a therapist's name, or an admin's); null " +
      'for anyone else (another clinic, a client, a researcher, someone signed out, the system).',
  })
  actorName(@Root() event: AuditEventNode, @Ctx() context: RequestContext): Promise<string | null> {
    return event.accountId ? context.loaders.staffNameByAccount.load(event.accountId) : Promise.resolve(null);
  }

  @FieldResolver(() => Boolean, { description: "Whether the reader's own account acted (a client reading their own record)." })
  byViewer(@Root() event: AuditEventNode, @Ctx() { viewer }: RequestContext): boolean {
    return viewer.role !== 'ANONYMOUS' && event.accountId !== null && event.accountId === viewer.accountId;
  }
}
