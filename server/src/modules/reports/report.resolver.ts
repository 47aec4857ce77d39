import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { actingTherapist } from '../../common/viewer.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { SeriesNode } from '../care/care.type.js';
import type { RequestContext } from '../request/request-context.js';
import { ReportSummaryInput } from './report.input.js';
import { maxRecipientLength, seriesReport } from './report.service.js';
import { ReportSummaryNode, SeriesReportNode } from './report.type.js';
import { writeReportSummary } from './report-summary.service.js';

@Resolver(() => SeriesNode)
export class SeriesReportResolver {
  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @FieldResolver(() => SeriesReportNode, {
    description:
      'The progress report of this series for the print view (the PDF is `GET /reports/series/<id>.pdf`). Staff name the recipient and need ' +
      "the client's consent to share with the referrer (FORBIDDEN, rule consent-to-share, without it); a client gets their own copy. " +
      'Audited as a disclosure.',
  })
  report(
    @Root() series: SeriesNode,
    @Ctx() { em, viewer, requestId, address }: RequestContext,
    @Arg('from', () => LocalDateScalar, {
      nullable: true,
      description: 'First day to report (clinic calendar); the series start when null.',
    })
    from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Last day to report, included; today or the series end when null.' })
    to: string | null,
    @Arg('recipient', () => String, {
      nullable: true,
      description: `Whom staff send it to (required for staff, at most ${maxRecipientLength} characters).`,
    })
    recipient: string | null,
  ): Promise<SeriesReportNode> {
    return seriesReport(
      em,
      viewer,
      { requestId, address },
      { seriesId: series.id, from: from ?? null, to: to ?? null, recipient: recipient ?? null, format: 'PRINT' },
    );
  }

  /** The therapist's words for the referrer: staff only, like the SOAP notes they stand in for. */
  @Authorized('ADMIN', 'THERAPIST')
  @FieldResolver(() => ReportSummaryNode, {
    nullable: true,
    description: 'The assessment and plan written for the progress report (null: none, the report uses the latest SOAP note). Staff only.',
  })
  async reportSummary(@Root() series: SeriesNode, @Ctx() context: RequestContext): Promise<ReportSummaryNode | null> {
    const row = await context.loaders.reportSummaryBySeries.load(series.id);
    return row && Object.assign(new ReportSummaryNode(), row);
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SeriesNode, {
    description:
      "Writes the therapist's assessment and plan for the series' progress report (each save is kept; the newest counts). " +
      'Both empty withdraws it.',
  })
  async writeReportSummary(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('seriesId', () => ID) seriesId: string,
    @Arg('input', () => ReportSummaryInput) input: ReportSummaryInput,
  ): Promise<SeriesNode> {
    return SeriesNode.from(await writeReportSummary(em, actingTherapist(viewer), seriesId, input));
  }
}
