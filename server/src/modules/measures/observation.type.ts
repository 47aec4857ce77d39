import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { type RecordStatus, RecordStatusEnum } from '../../common/record-status.js';
import { type RecorderRole, RecorderRoleEnum } from '../../common/recorder-role.js';
import { type ProxyRelation, ProxyRelationEnum, type ReporterKind, ReporterKindEnum, reporterInWords } from '../../common/reporter.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { SideEnum } from '../body-regions/body-region.type.js';
import type { Side } from '../body-regions/body-region-catalog.js';
import type { Observation } from './observation.entity.js';
import { type ObservationContext, observationContexts } from './observation-values.js';

export const ObservationContextEnum = enumOf(observationContexts);
registerEnumType(ObservationContextEnum, {
  name: 'ObservationContext',
  description: 'When in the course of care a value was taken: before or after a session, or between sessions.',
});

@ObjectType('Observation', {
  description: 'One measured value: pain, range of motion, strength or a questionnaire score.',
})
export class ObservationNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Code of the measure in the catalog.' })
  measureCode!: string;

  @Field(() => Float, { description: "The value in the measure's unit." })
  value!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Body region code, when the value is about a region.',
  })
  regionCode!: string | null;

  @Field(() => SideEnum, {
    nullable: true,
    description: 'Side, when the value is about one side.',
  })
  side!: Side | null;

  @Field(() => ObservationContextEnum, {
    description: 'Before or after a session, or between sessions.',
  })
  context!: ObservationContext;

  @Field(() => DateTimeScalar, {
    description: 'When it was measured (clinical time).',
  })
  takenAt!: Date;

  @Field(() => String, { nullable: true, description: 'A short note by whoever entered it, e.g. the client in their diary.' })
  note!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was entered.' })
  recordedAt!: Date;

  @Field(() => RecorderRoleEnum, { description: 'Who entered it.' })
  recordedByRole!: RecorderRole;

  @Field(() => ReporterKindEnum, {
    description: 'Who reported it: the client (self-report), a proxy for them, or the therapist observing.',
  })
  reporter!: ReporterKind;

  @Field(() => ProxyRelationEnum, { nullable: true, description: "The proxy's relation to the client, when a proxy reported it." })
  proxyRelation!: ProxyRelation | null;

  @Field(() => String, {
    description:
      'Who reported it, in words for a label beside the value: "self-report", "reported by a parent (proxy)", "observed by the therapist".',
  })
  get reportedBy(): string {
    return reporterInWords(this);
  }

  @Field(() => ID, {
    nullable: true,
    description: 'The session it was taken at, if any.',
  })
  sessionId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The series it belongs to, if any.',
  })
  seriesId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The questionnaire response it scores, if any.',
  })
  questionnaireResponseId!: string | null;

  @Field(() => RecordStatusEnum, { description: 'FINAL, AMENDED or ENTERED_IN_ERROR; see enteredInError and revisions.' })
  status!: RecordStatus;

  /** The client measured (for the audit trail; not a field). */
  clientId!: string;

  static from(observation: Observation): ObservationNode {
    return Object.assign(new ObservationNode(), {
      id: observation.id,
      measureCode: observation.measure.code,
      value: observation.value,
      regionCode: observation.region?.code ?? null,
      side: observation.side ?? null,
      context: observation.context,
      takenAt: observation.takenAt,
      note: observation.note ?? null,
      recordedAt: observation.createdAt,
      recordedByRole: observation.recordedByRole,
      reporter: observation.reporter,
      proxyRelation: observation.proxyRelation ?? null,
      sessionId: observation.session?.id ?? null,
      seriesId: observation.series?.id ?? null,
      questionnaireResponseId: observation.questionnaireResponse?.id ?? null,
      status: observation.status,
      clientId: observation.client.id,
    });
  }
}
