import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { SeriesNode } from '../care/care.type.js';
import type { RequestContext } from '../request/request-context.js';
import { maxRecipientLength, seriesReport } from './report.service.js';
import { SeriesReportNode } from './report.type.js';

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
}
