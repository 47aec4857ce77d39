import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import type { Role } from '../../common/viewer.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { RoleEnum } from '../clinics/clinic.type.js';
import { type CorrectionKind, correctionKinds, type RecordRevision } from './record-revision.entity.js';

export const CorrectionKindEnum = enumOf(correctionKinds);
registerEnumType(CorrectionKindEnum, {
  name: 'CorrectionKind',
  description: 'AMENDED: some fields were corrected; ENTERED_IN_ERROR: the record should never have been recorded.',
});

@ObjectType('FieldChange', { description: 'One field of a record before and after a correction, as display strings.' })
export class FieldChangeNode {
  @Field(() => String, { description: 'The field, e.g. `value`, `startedAt` or `answers.q3`.' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'Before the correction (null: empty).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'After the correction (null: empty).' })
  after!: string | null;
}

@ObjectType('RecordCorrection', { description: 'Who marked a record entered in error, when and why.' })
export class RecordCorrectionNode {
  @Field(() => DateTimeScalar, { description: 'When it was corrected.' })
  at!: Date;

  @Field(() => String, { description: 'Name of who corrected it, as it was then.' })
  byName!: string;

  @Field(() => RoleEnum, { description: 'Role of who corrected it.' })
  byRole!: Role;

  @Field(() => String, { description: 'Why.' })
  reason!: string;

  static from(revision: RecordRevision): RecordCorrectionNode {
    return Object.assign(new RecordCorrectionNode(), {
      at: revision.at,
      byName: revision.byName,
      byRole: revision.byRole,
      reason: revision.reason,
    });
  }
}

@ObjectType('RecordRevision', { description: 'One correction of a record: the earlier version is kept, with who, when and why.' })
export class RecordRevisionNode extends RecordCorrectionNode {
  @Field(() => CorrectionKindEnum, { description: 'Amended or entered in error.' })
  kind!: CorrectionKind;

  @Field(() => [FieldChangeNode], { description: 'The fields the correction changed.' })
  changes!: FieldChangeNode[];

  static revision(revision: RecordRevision, changes: FieldChangeNode[]): RecordRevisionNode {
    return Object.assign(new RecordRevisionNode(), RecordCorrectionNode.from(revision), { kind: revision.kind, changes });
  }
}
