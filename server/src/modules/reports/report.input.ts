import { Field, InputType } from 'type-graphql';
import { maxSummaryLength } from './report-summary.service.js';

@InputType({ description: "The therapist's assessment and plan for the series' progress report; both empty withdraws it." })
export class ReportSummaryInput {
  @Field(() => String, {
    nullable: true,
    description: `Assessment: progress against the goals, in words, at most ${maxSummaryLength} characters.`,
  })
  assessment?: string | null;

  @Field(() => String, { nullable: true, description: `Plan: what comes next, at most ${maxSummaryLength} characters.` })
  plan?: string | null;
}
