import { Field, InputType, Int } from 'type-graphql';
import { noChangeAfterSessionsRange } from './clinic.service.js';

@InputType({ description: "Changes to the clinic's settings; omitted fields stay as they are." })
export class ClinicSettingsInput {
  @Field(() => Int, {
    nullable: true,
    description: `Caseload: flag a series "no meaningful change" once it has this many attended sessions without reaching the MCID (${noChangeAfterSessionsRange.min}-${noChangeAfterSessionsRange.max}; 6 when the clinic was made).`,
  })
  noChangeAfterSessions?: number | null;
}
