import { Arg, Authorized, type ClassType, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RecordStatus } from '../../common/record-status.js';
import { clinicViewer, staffViewer } from '../../common/viewer.js';
import { SessionNode } from '../care/care.type.js';
import { QuestionnaireResponseNode } from '../instruments/instrument.type.js';
import { ObservationNode } from '../measures/observation.type.js';
import type { RequestContext } from '../request/request-context.js';
import { AmendObservationInput, AmendQuestionnaireResponseInput, AmendSessionInput } from './correction.input.js';
import { RecordCorrectionNode, RecordRevisionNode } from './correction.type.js';
import {
  amendObservation,
  amendQuestionnaireResponse,
  amendSession,
  markObservationEnteredInError,
  markQuestionnaireResponseEnteredInError,
  markSessionEnteredInError,
  staffOnlyFields,
} from './corrections.service.js';

const reasonArg = { description: 'Why (required, up to 2000 characters).' };

/** The corrections of recorded visits, values and questionnaires. Each returns the record with its clientId, so it is audited as a change of that client. */
@Resolver()
export class CorrectionsResolver {
  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SessionNode, {
    description:
      'Marks a visit entered in error, with the values and questionnaires recorded at it (same reason). They stay stored, with who, when and why, but count nowhere.',
  })
  async markSessionEnteredInError(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, reasonArg) reason: string,
  ): Promise<SessionNode> {
    return SessionNode.from(await markSessionEnteredInError(em, staffViewer(viewer), id, reason));
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Mutation(() => ObservationNode, {
    description:
      'Marks a value entered in error. Staff: any value of their clinic. A client: only their own diary entry, within 24 hours of entering it (rule void-window after that).',
  })
  async markObservationEnteredInError(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, reasonArg) reason: string,
  ): Promise<ObservationNode> {
    return ObservationNode.from(await markObservationEnteredInError(em, clinicViewer(viewer), id, reason));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => QuestionnaireResponseNode, {
    description: 'Marks a questionnaire response entered in error, with its score observation.',
  })
  async markQuestionnaireResponseEnteredInError(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, reasonArg) reason: string,
  ): Promise<QuestionnaireResponseNode> {
    return QuestionnaireResponseNode.from(await markQuestionnaireResponseEnteredInError(em, staffViewer(viewer), id, reason));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => ObservationNode, {
    description:
      'Corrects a value (status AMENDED); the earlier version is kept as a revision. Checked by the same catalog rules as recording.',
  })
  async amendObservation(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AmendObservationInput) input: AmendObservationInput,
  ): Promise<ObservationNode> {
    return ObservationNode.from(await amendObservation(em, staffViewer(viewer), id, input));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => QuestionnaireResponseNode, {
    description: 'Corrects the answers of a questionnaire: scored again by the same rules; its score observation is amended too.',
  })
  async amendQuestionnaireResponse(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AmendQuestionnaireResponseInput) input: AmendQuestionnaireResponseInput,
  ): Promise<QuestionnaireResponseNode> {
    return QuestionnaireResponseNode.from(await amendQuestionnaireResponse(em, staffViewer(viewer), id, input));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SessionNode, {
    description: 'Corrects a visit (status AMENDED); the earlier version is kept as a revision. Same checks as recordSession.',
  })
  async amendSession(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AmendSessionInput) input: AmendSessionInput,
  ): Promise<SessionNode> {
    return SessionNode.from(await amendSession(em, staffViewer(viewer), id, input));
  }
}

/** `enteredInError` and `revisions` on each kind of correctable record, from one batch loader of revisions. */
function correctionFieldsOf(node: ClassType<{ id: string; status: RecordStatus }>) {
  @Resolver(() => node)
  class CorrectionFieldsResolver {
    @FieldResolver(() => RecordCorrectionNode, {
      nullable: true,
      description: 'Who marked it entered in error, when and why; null unless it was.',
    })
    async enteredInError(
      @Root() record: { id: string; status: RecordStatus },
      @Ctx() { loaders }: RequestContext,
    ): Promise<RecordCorrectionNode | null> {
      if (record.status !== 'ENTERED_IN_ERROR') return null;
      const voided = (await loaders.revisionsByRecord.load(record.id)).find((revision) => revision.kind === 'ENTERED_IN_ERROR');
      return voided ? RecordCorrectionNode.from(voided) : null;
    }

    @FieldResolver(() => [RecordRevisionNode], { description: 'Its corrections, oldest first, each with the fields it changed.' })
    async revisions(@Root() record: { id: string }, @Ctx() { loaders, viewer }: RequestContext): Promise<RecordRevisionNode[]> {
      const revisions = await loaders.revisionsByRecord.load(record.id);
      return revisions.map((revision) =>
        RecordRevisionNode.revision(
          revision,
          revision.changes.filter((change) => viewer.role !== 'CLIENT' || !staffOnlyFields.has(change.field)),
        ),
      );
    }
  }
  return CorrectionFieldsResolver;
}

export const CorrectionsResolvers = [
  CorrectionsResolver,
  correctionFieldsOf(SessionNode),
  correctionFieldsOf(ObservationNode),
  correctionFieldsOf(QuestionnaireResponseNode),
] as const;
