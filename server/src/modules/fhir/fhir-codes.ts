import type { ProxyRelation } from '../../common/reporter.js';
import type { TreatedSide } from '../care/treated-region.entity.js';
import type { MeasureKind } from '../measures/measure-definition.js';
import type { ObservationContext } from '../measures/observation-values.js';
import type { CodeableConcept, Coding } from './fhir.types.js';

/*
 * Code systems and identifiers of the FHIR export.
 *
 * Fascia's own concepts (measure, body region, session timing, attendance) get code systems under
 * `fasciaFhirBase`. It is a stable namespace, not an endpoint that must resolve; every coding from it
 * is next to a text (and, where one exists, a standard code) so a receiver can read it without it.
 */
export const fasciaFhirBase = 'https://fascia.example.org/fhir';

export const systems = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  /** WHO ICD-10, as FHIR names it (hl7.org/fhir/R4/icd.html). */
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  measure: `${fasciaFhirBase}/CodeSystem/measure`,
  bodyRegion: `${fasciaFhirBase}/CodeSystem/body-region`,
  observationTiming: `${fasciaFhirBase}/CodeSystem/observation-timing`,
  attendance: `${fasciaFhirBase}/CodeSystem/attendance`,
  /** Rules a bad request broke (`required`, `exclusive`, `single`), in an OperationOutcome's issue details. */
  inputRule: `${fasciaFhirBase}/CodeSystem/input-rule`,
  clientId: `${fasciaFhirBase}/sid/client`,
  clinicId: `${fasciaFhirBase}/sid/clinic`,
  therapistId: `${fasciaFhirBase}/sid/therapist`,
  seriesId: `${fasciaFhirBase}/sid/treatment-series`,
  bundleId: `${fasciaFhirBase}/sid/export`,
} as const;

/** Extensions Fascia defines: R4 has no element for either. */
export const extensions = {
  /** On Observation.bodySite: the side, as a SNOMED CT qualifier (R4 CodeableConcept has no laterality). */
  laterality: `${fasciaFhirBase}/StructureDefinition/laterality`,
  /** On Encounter: attended, cancelled or no-show (R4 EncounterStatus has no "no-show"). */
  attendance: `${fasciaFhirBase}/StructureDefinition/attendance`,
} as const;

/**
 * SNOMED CT laterality qualifiers, from the FHIR value set `bodystructure-laterality`
 * (hl7.org/fhir/ValueSet/bodystructure-laterality: 7771000 Left, 24028007 Right, 51440002 Bilateral).
 * An observation has one side (a finding on both sides is two observations); a region treated on
 * both sides is Bilateral.
 */
export const lateralityCodings: Record<TreatedSide, Coding> = {
  LEFT: { system: systems.snomed, code: '7771000', display: 'Left (qualifier value)' },
  RIGHT: { system: systems.snomed, code: '24028007', display: 'Right (qualifier value)' },
  BOTH: { system: systems.snomed, code: '51440002', display: 'Bilateral' },
};

/**
 * HL7 observation-category (hl7.org/fhir/R4/codesystem-observation-category.html): self-reported
 * pain, diary summaries and questionnaire scores are `survey` (assessment tool or survey instrument), what the
 * therapist measures on the body is `exam` (physical examination).
 */
export function observationCategory(kind: MeasureKind): Coding {
  return kind === 'PAIN' || kind === 'QUESTIONNAIRE' || kind === 'DIARY'
    ? { system: systems.observationCategory, code: 'survey', display: 'Survey' }
    : { system: systems.observationCategory, code: 'exam', display: 'Exam' };
}

/**
 * When the value was taken relative to a visit, as a second Observation.category. A category (rather
 * than `method` or a component) keeps the value itself untouched and lets a FHIR server search it
 * (`Observation?category=…|pre-session`).
 */
export const observationTimingCodings: Record<ObservationContext, Coding> = {
  PRE_SESSION: { system: systems.observationTiming, code: 'pre-session', display: 'Before the session' },
  POST_SESSION: { system: systems.observationTiming, code: 'post-session', display: 'After the session' },
  BETWEEN_SESSIONS: { system: systems.observationTiming, code: 'between-sessions', display: 'Between sessions (client diary)' },
};

/** Canonical URL of a Fascia questionnaire, with the scoring version the response was scored by. */
export function questionnaireCanonical(instrumentCode: string, scoringVersion: string): string {
  return `${fasciaFhirBase}/Questionnaire/${instrumentCode.toLowerCase()}|${scoringVersion}`;
}

/**
 * A proxy's relation as RelatedPerson.relationship, from HL7 v3 RoleCode (the R4 value set
 * relatedperson-relationshiptype draws on it): PRN parent, GUARD guardian, FAMMEMB family member. A paid or
 * informal caregiver has no RoleCode, so it is stated in text only.
 */
export const proxyRelationConcepts: Record<ProxyRelation, CodeableConcept> = {
  PARENT: { coding: [{ system: systems.roleCode, code: 'PRN', display: 'parent' }], text: 'Parent' },
  GUARDIAN: { coding: [{ system: systems.roleCode, code: 'GUARD', display: 'guardian' }], text: 'Guardian' },
  FAMILY_MEMBER: { coding: [{ system: systems.roleCode, code: 'FAMMEMB', display: 'family member' }], text: 'Family member' },
  CAREGIVER: { text: 'Caregiver' },
};
