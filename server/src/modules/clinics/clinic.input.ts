import { Field, InputType, Int } from 'type-graphql';
import { noChangeAfterSessionsRange } from './clinic.service.js';

@InputType({ description: "Changes to the clinic's settings; omitted fields stay as they are." })
export class ClinicSettingsInput {
  @Field(() => Int, {
    nullable: true,
    description: `Caseload: flag a series "no meaningful change" once it has this many attended sessions without reaching the MCID (${noChangeAfterSessionsRange.min}-${noChangeAfterSessionsRange.max}; 6 when the clinic was made).`,
  })
  noChangeAfterSessions?: number | null;

  @Field(() => String, { nullable: true, description: 'Name for display, 1-200 characters.' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'IANA time zone, e.g. America/Toronto. Stored instants (visit times, entry times) never move; the calendar days ' +
      'they count on (visit dates, weeks of progress, "today") follow the new zone from then on.',
  })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 locale for dates and numbers, e.g. en-CA or fr-CA.' })
  locale?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the clinic's client accounts may make personal API tokens (off when the clinic was made). Turning it off " +
      'stops new ones; tokens clients already made keep working until they expire or are revoked.',
  })
  clientApiTokensAllowed?: boolean | null;
}
