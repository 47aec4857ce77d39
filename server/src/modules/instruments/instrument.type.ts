import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type RecordStatus, RecordStatusEnum } from '../../common/record-status.js';
import { type RecorderRole, RecorderRoleEnum } from '../../common/recorder-role.js';
import { type ProxyRelation, ProxyRelationEnum, type ReporterKind, ReporterKindEnum, reporterInWords } from '../../common/reporter.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import type { InstrumentDefinition, InstrumentItem } from './instrument-definition.js';
import { type ItemWording, instrumentWordings, type WordingSource } from './item-wording.js';
import type { QuestionnaireResponse } from './questionnaire-response.entity.js';

const WordingSourceEnum = { PUBLISHED: 'PUBLISHED', PARAPHRASED: 'PARAPHRASED' } as const satisfies Record<WordingSource, WordingSource>;
registerEnumType(WordingSourceEnum, {
  name: 'WordingSource',
  description: "Whether an instrument's items show its published wording (its licence allows it) or a paraphrase written for Fascia.",
});

@ObjectType('InstrumentAnswerOption', { description: 'One answer an item takes, with what it means.' })
export class InstrumentAnswerOptionNode {
  @Field(() => Int, { description: 'The value recorded.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'What the value means; null for the steps between the ends of a 0-10 scale.' })
  text!: string | null;
}

/** Every value an item takes, from min to max in its step. */
function answerValues(item: InstrumentItem): number[] {
  const step = item.step ?? 1;
  return Array.from({ length: Math.floor((item.max - item.min) / step) + 1 }, (_, i) => item.min + i * step);
}

@ObjectType('InstrumentItem', { description: 'One item of a questionnaire.' })
export class InstrumentItemNode {
  @Field(() => String, { description: 'Item code used in answers.' })
  code!: string;

  @Field(() => String, { description: 'Short topic label.' })
  label!: string;

  @Field(() => Int, { description: 'Lowest answer.' })
  min!: number;

  @Field(() => Int, { description: 'Highest answer.' })
  max!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Domain or section, where the instrument has them.',
  })
  section!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Optional module the item belongs to, scored separately.',
  })
  optionalModule!: string | null;

  @Field(() => Boolean, {
    description: 'The answer carries free text (the activity named in PSFS).',
  })
  requiresLabel!: boolean;

  @Field(() => String, { description: 'The question, as published or paraphrased (see Instrument.wording).' })
  question!: string;

  @Field(() => [InstrumentAnswerOptionNode], {
    description: "Every answer from min to max (in the item's steps), with its wording where it has one.",
  })
  answerOptions!: InstrumentAnswerOptionNode[];

  static from(item: InstrumentItem, wording: ItemWording | undefined): InstrumentItemNode {
    return Object.assign(new InstrumentItemNode(), {
      code: item.code,
      label: item.label,
      question: wording?.question ?? item.label,
      answerOptions: answerValues(item).map((value) => ({ value, text: wording?.answers[value] ?? null })),
      min: item.min,
      max: item.max,
      section: item.section ?? null,
      optionalModule: item.optionalModule ?? null,
      requiresLabel: item.requiresLabel ?? false,
    });
  }
}

@ObjectType('Instrument', {
  description: 'A validated questionnaire, scored by the server.',
})
export class InstrumentNode {
  @Field(() => String, { description: 'Stable code, e.g. ODI.' })
  code!: string;

  @Field(() => String, { description: 'Name for display.' })
  name!: string;

  @Field(() => String, { description: 'What it measures and for whom.' })
  description!: string;

  @Field(() => String, { description: 'Version of the scoring rules.' })
  scoringVersion!: string;

  @Field(() => String, {
    description: 'The published definition the scoring follows.',
  })
  citation!: string;

  @Field(() => String, { description: 'How unanswered items are handled.' })
  missingItemRule!: string;

  @Field(() => String, { description: 'Measure code of the score it yields.' })
  scoreMeasureCode!: string;

  @Field(() => [InstrumentItemNode], { description: 'Its items.' })
  items!: InstrumentItemNode[];

  @Field(() => WordingSourceEnum, { description: 'Whether the items show the published wording or a paraphrase.' })
  wording!: WordingSource;

  @Field(() => String, { description: 'Who holds the copyright and what it allows Fascia to show.' })
  licence!: string;

  static from(instrument: InstrumentDefinition): InstrumentNode {
    const wording = instrumentWordings[instrument.code];
    return Object.assign(new InstrumentNode(), {
      code: instrument.code,
      name: instrument.name,
      description: instrument.description,
      scoringVersion: instrument.scoringVersion,
      citation: instrument.citation,
      missingItemRule: instrument.missingItemRule,
      scoreMeasureCode: instrument.scoreMeasureCode,
      items: instrument.items.map((item) => InstrumentItemNode.from(item, wording.items[item.code])),
      wording: wording.source,
      licence: wording.licence,
    });
  }
}

@ObjectType('Answer', { description: 'The answer given to one item.' })
export class AnswerNode {
  @Field(() => String, { description: 'Item code.' })
  itemCode!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The answer; null when unanswered.',
  })
  value!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Free text, where the item takes it.',
  })
  label!: string | null;
}

@ObjectType('Subscore', {
  description: 'A domain, module or activity score reported next to the total.',
})
export class SubscoreNode {
  @Field(() => String, { description: 'Subscore code.' })
  code!: string;

  @Field(() => String, { description: 'Name for display.' })
  name!: string;

  @Field(() => Float, { description: 'The subscore.' })
  score!: number;
}

@ObjectType('QuestionnaireResponse', {
  description: 'A completed questionnaire and the score the server computed.',
})
export class QuestionnaireResponseNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Instrument code.' })
  instrumentCode!: string;

  @Field(() => [AnswerNode], { description: 'The answers as given.' })
  answers!: AnswerNode[];

  @Field(() => Float, {
    description: "The total score, on the score measure's scale.",
  })
  score!: number;

  @Field(() => [SubscoreNode], {
    description: 'Domain, module or activity scores.',
  })
  subscores!: SubscoreNode[];

  @Field(() => Int, { description: 'Items answered.' })
  answeredItems!: number;

  @Field(() => Int, { description: 'Required items left unanswered.' })
  missingItems!: number;

  @Field(() => String, { description: 'Version of the scoring rules used.' })
  scoringVersion!: string;

  @Field(() => DateTimeScalar, {
    description: 'When it was completed (clinical time).',
  })
  completedAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The session it was completed at, if any.',
  })
  sessionId!: string | null;

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

  @Field(() => RecordStatusEnum, { description: 'FINAL, AMENDED or ENTERED_IN_ERROR; see enteredInError and revisions.' })
  status!: RecordStatus;

  /** The client who answered (for the audit trail; not a field). */
  clientId!: string;

  static from(response: QuestionnaireResponse): QuestionnaireResponseNode {
    return Object.assign(new QuestionnaireResponseNode(), {
      id: response.id,
      instrumentCode: response.instrument.code,
      answers: response.answers.map((a) => ({
        itemCode: a.itemCode,
        value: a.value ?? null,
        label: a.label ?? null,
      })),
      score: response.score,
      subscores: response.subscores,
      answeredItems: response.answeredItems,
      missingItems: response.missingItems,
      scoringVersion: response.scoringVersion,
      completedAt: response.completedAt,
      sessionId: response.session?.id ?? null,
      recordedByRole: response.recordedByRole,
      reporter: response.reporter,
      proxyRelation: response.proxyRelation ?? null,
      status: response.status,
      clientId: response.client.id,
    });
  }
}
