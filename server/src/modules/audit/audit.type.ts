import { Authorized, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { type AuditEvent, type AuditOutcome, auditOutcomes } from './audit-event.entity.js';

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

  @Field(() => String, {
    nullable: true,
    description: 'For a disclosure (a progress report sent outside the clinic): the recipient staff named; null otherwise.',
  })
  disclosedTo!: string | null;

  static from(event: AuditEvent): AuditEventNode {
    return Object.assign(new AuditEventNode(), {
      id: event.id,
      at: event.at,
      accountId: event.accountId ?? null,
      role: event.role,
      operation: event.operation,
      clientId: event.clientId ?? null,
      outcome: event.outcome,
      address: event.address,
      disclosedTo: event.detail?.disclosure === true && typeof event.detail.recipient === 'string' ? event.detail.recipient : null,
    });
  }
}
