import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { type AuditTrailRow, requestedIdsOf } from './audit.service.js';
import { type AuditOutcome, auditOutcomes } from './audit-event.entity.js';
import { auditCursor } from './audit-filter.js';

export const AuditOutcomeEnum = enumOf(auditOutcomes);
registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  description: 'ALLOWED: done; DENIED: the role or sign-in did not allow it; NOT_FOUND: the record was outside reach.',
});

@ObjectType('AuditEvent', { description: "One access to a client's clinical data, or a refused attempt." })
export class AuditEventNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'The account that acted; null when signed out or the system acted.' })
  accountId!: string | null;

  @Field(() => String, { description: 'The role it acted in.' })
  role!: string;

  @Field(() => String, { description: 'The operation, e.g. Query.client or Mutation.recordSession.' })
  operation!: string;

  @Field(() => ID, { nullable: true, description: 'The client whose data it was.' })
  clientId!: string | null;

  @Field(() => AuditOutcomeEnum, { description: 'How it ended.' })
  outcome!: AuditOutcome;

  @Authorized('ADMIN')
  @Field(() => String, { nullable: true, description: 'The network address it came from (for the clinic admin).' })
  address!: string | null;

  @Authorized('ADMIN')
  @Field(() => String, { nullable: true, description: 'The email of the account that acted, when it still exists (for the clinic admin).' })
  accountEmail!: string | null;

  @Authorized('ADMIN')
  @Field(() => [String], {
    description: 'For a refusal: the ids the request asked for, however they were written (at most 20; see moreRequestedIds).',
  })
  requestedIds!: string[];

  @Authorized('ADMIN')
  @Field(() => Int, { description: 'For a refusal: how many more ids were asked for than requestedIds holds.' })
  moreRequestedIds!: number;

  @Field(() => String, { description: 'Where the next page starts: pass it as `after`.' })
  cursor!: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a disclosure (a progress report sent outside the clinic): the recipient staff named; null otherwise.',
  })
  disclosedTo!: string | null;

  static fromRow(row: AuditTrailRow): AuditEventNode {
    const asked = requestedIdsOf(row);
    const at = new Date(row.at);
    return Object.assign(new AuditEventNode(), {
      id: row.id,
      at,
      accountId: row.account_id,
      role: row.role,
      operation: row.operation,
      clientId: row.client_id,
      outcome: row.outcome,
      address: row.address,
      accountEmail: row.account_email,
      requestedIds: asked.ids,
      moreRequestedIds: asked.more,
      cursor: auditCursor({ at, id: row.id }),
      disclosedTo: disclosedTo(row.detail),
    });
  }
}

/** The recipient a disclosure (a progress report) was made to, as the audit row's detail records it. */
function disclosedTo(detail: Record<string, unknown> | null): string | null {
  return detail?.disclosure === true && typeof detail.recipient === 'string' ? detail.recipient : null;
}
