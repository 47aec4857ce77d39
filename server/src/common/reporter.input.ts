import { Field, InputType } from 'type-graphql';
import { type ProxyRelation, ProxyRelationEnum, type ReporterKind, ReporterKindEnum } from './reporter.js';

/** Who reported a value or answered a questionnaire, as inputs state it (a base of those inputs; not used on its own). */
@InputType({ description: 'Who reported a value (a base of the value and questionnaire inputs; not used on its own).' })
export class ReportedByInput {
  @Field(() => ReporterKindEnum, {
    nullable: true,
    description:
      'Who reported it. Staff: defaults to the client for pain and questionnaires, the therapist for what they measure. A portal account reports as itself (the client, or their proxy) and may only leave this out or repeat it.',
  })
  reporter?: ReporterKind | null;

  @Field(() => ProxyRelationEnum, {
    nullable: true,
    description: "The proxy's relation to the client: required when reporter is PROXY, refused otherwise.",
  })
  proxyRelation?: ProxyRelation | null;
}
