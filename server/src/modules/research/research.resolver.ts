import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { writeAuditEvents } from '../audit/audit.service.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { ClinicNode } from '../clinics/clinic.type.js';
import type { RequestContext } from '../request/request-context.js';
import { type CohortFilter, CohortFilterInput, checkCohortFilter } from './research.input.js';
import { cohortOutcome, compareCohorts, researchMeasure } from './research.service.js';
import { CohortComparisonNode, CohortOutcomeNode } from './research.type.js';

/** What research operations need besides the request context: the minimum cell size k, passed in by the HTTP layer from the configuration. */
export type ResearchContext = RequestContext & { researchMinCell: number };

/** Every research query is in the audit trail with what it asked for, before it runs. */
async function auditResearch(context: ResearchContext, operation: string, detail: Record<string, unknown>): Promise<void> {
  await writeAuditEvents(context.em, context.viewer, context, { operation, outcome: 'ALLOWED', clientIds: [], detail });
}

/** Researchers only: aggregates over consenting clients of every clinic, never a person. */
@Resolver()
export class ResearchResolver {
  @Authorized('RESEARCHER')
  @Query(() => CohortOutcomeNode, {
    description:
      'Aggregate outcomes of one measure in a cohort of research-consenting clients: change with 95% intervals, effect sizes, ' +
      'responders, histogram, time course by visit, within-session change and dose-response. Small cells are suppressed.',
  })
  async cohortOutcomes(
    @Ctx() context: ResearchContext,
    @Arg('measureCode', () => String, { description: 'Measure (or questionnaire) code of the measure catalog.' }) measureCode: string,
    @Arg('filter', () => CohortFilterInput, { nullable: true, description: 'Which clients; all consenting clients when absent.' })
    input: CohortFilterInput | null,
  ): Promise<CohortOutcomeNode> {
    const measure = researchMeasure('measureCode', measureCode);
    const filter = checkCohortFilter(input);
    await auditResearch(context, 'Query.cohortOutcomes', { measureCode, filter });
    return cohortOutcome(context, filter, measure, context.researchMinCell);
  }

  @Authorized('RESEARCHER')
  @Query(() => [ClinicNode], { description: 'The clinics, by name, for the clinicId filter (organisations, no person).' })
  async researchClinics(@Ctx() context: ResearchContext): Promise<ClinicNode[]> {
    await auditResearch(context, 'Query.researchClinics', {});
    const clinics = await context.em.find(Clinic, {}, { orderBy: { name: 'asc', id: 'asc' } });
    return clinics.map((clinic) => ClinicNode.from(clinic));
  }

  @Authorized('RESEARCHER')
  @Query(() => CohortComparisonNode, {
    description:
      'Two cohorts compared on one measure: the outcome of each and the difference in mean change (b - a) with its 95% interval.',
  })
  async cohortComparison(
    @Ctx() context: ResearchContext,
    @Arg('measureCode', () => String, { description: 'Measure (or questionnaire) code of the measure catalog.' }) measureCode: string,
    @Arg('a', () => CohortFilterInput, { description: 'The first cohort.' }) a: CohortFilterInput,
    @Arg('b', () => CohortFilterInput, { description: 'The second cohort.' }) b: CohortFilterInput,
  ): Promise<CohortComparisonNode> {
    const measure = researchMeasure('measureCode', measureCode);
    const filters: [CohortFilter, CohortFilter] = [checkCohortFilter(a, 'a'), checkCohortFilter(b, 'b')];
    await auditResearch(context, 'Query.cohortComparison', { measureCode, a: filters[0], b: filters[1] });
    return compareCohorts(context, filters[0], filters[1], measure, context.researchMinCell);
  }
}
