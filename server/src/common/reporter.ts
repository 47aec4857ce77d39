import { registerEnumType } from 'type-graphql';
import { enumOf } from './enum-of.js';

/**
 * Who reported a value or answered a questionnaire (apart from who typed it in): the client about
 * themselves (self-report), a proxy (a parent, guardian or caregiver, e.g. for a child who cannot
 * self-report), or the therapist observing or measuring. Values of different reporters are never
 * averaged together: progress, series outcomes and research keep them apart.
 */
export const reporterKinds = ['CLIENT', 'PROXY', 'THERAPIST'] as const;
export type ReporterKind = (typeof reporterKinds)[number];

export const ReporterKindEnum = enumOf(reporterKinds);
registerEnumType(ReporterKindEnum, {
  name: 'ReporterKind',
  description: 'Who reported a value: the client (self-report), a proxy for them, or the therapist observing.',
  valuesConfig: {
    CLIENT: { description: 'The client about themselves (self-report).' },
    PROXY: { description: 'A parent, guardian or caregiver on behalf of the client (proxyRelation says who).' },
    THERAPIST: { description: 'The therapist, observing or measuring.' },
  },
});

/**
 * A proxy's relation to the client; FHIR RelatedPerson.relationship codes from HL7 v3 RoleCode where one
 * fits (PRN parent, GUARD guardian, FAMMEMB family member); a paid or informal caregiver has none.
 */
export const proxyRelations = ['PARENT', 'GUARDIAN', 'FAMILY_MEMBER', 'CAREGIVER'] as const;
export type ProxyRelation = (typeof proxyRelations)[number];

export const ProxyRelationEnum = enumOf(proxyRelations);
registerEnumType(ProxyRelationEnum, {
  name: 'ProxyRelation',
  description: "A proxy's relation to the client.",
});

/** Who reported a value, with the proxy's relation (null unless PROXY). */
export interface Reporter {
  reporter: ReporterKind;
  proxyRelation: ProxyRelation | null;
}

/**
 * Words for a reporter, for labels in the report, the charts and FHIR text, e.g. "reported by a parent (proxy)";
 * "reported by a proxy" where only the kind is known (progress keeps one row per reporter kind).
 */
export function reporterInWords({ reporter, proxyRelation }: Reporter): string {
  if (reporter === 'CLIENT') return 'self-report';
  if (reporter === 'THERAPIST') return 'observed by the therapist';
  return proxyRelation ? `reported by a ${proxyRelation.toLowerCase().replace('_', ' ')} (proxy)` : 'reported by a proxy';
}

/** The database check that ties the relation to PROXY (observation and questionnaire_response). */
export const proxyRelationCheck = `("reporter" = 'PROXY') = ("proxy_relation" is not null)`;
