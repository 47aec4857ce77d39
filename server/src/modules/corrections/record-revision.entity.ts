import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { roles } from '../../common/viewer.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';

export const correctedRecordTypes = ['SESSION', 'OBSERVATION', 'QUESTIONNAIRE_RESPONSE'] as const;
export type CorrectedRecordType = (typeof correctedRecordTypes)[number];

export const correctionKinds = ['AMENDED', 'ENTERED_IN_ERROR'] as const;
export type CorrectionKind = (typeof correctionKinds)[number];

/** A field of a record before and after a correction, as display strings (null: empty). */
export interface StoredFieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const refuse = "raise exception 'record_revision is append-only: % refused', tg_op using errcode = 'insufficient_privilege';";

/**
 * One correction of a clinical record: the version it replaced (`previous`, the earlier version's fields),
 * what changed, who corrected it (account, role and name as they were then), when and why. Records are
 * corrected, never overwritten, so this history is append-only like the audit trail; `recordId` is a plain
 * column (it names a row of one of three tables).
 */
export const RecordRevision = defineEntity({
  name: 'RecordRevision',
  indexes: [{ properties: ['recordId', 'at'] }, { properties: ['clinic', 'client', 'at'] }],
  triggers: [{ name: 'record_revision_no_change', timing: 'before', events: ['update', 'delete'], forEach: 'row', body: refuse }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    clinic: () => p.manyToOne(Clinic).ref(),
    client: () => p.manyToOne(Client).ref(),
    recordType: p.enum(correctedRecordTypes),
    recordId: p.uuid(),
    kind: p.enum(correctionKinds),
    /** The earlier version's fields, as stored before the correction. */
    previous: p.json<Record<string, unknown>>(),
    /** The fields that differ between the earlier version and the one that replaced it, for display. */
    changes: p.json<StoredFieldChange[]>(),
    reason: p.text(),
    byAccountId: p.uuid().nullable(),
    byRole: p.enum(roles),
    byName: p.string().length(220),
    at: p.datetime().onCreate(() => new Date()),
  },
});
export type RecordRevision = InferEntity<typeof RecordRevision>;
