/*
 * The FHIR R4 (4.0.1) resources and data types Fascia emits, narrowed to the elements it fills.
 * Names and cardinalities follow the R4 specification (hl7.org/fhir/R4); an element Fascia never
 * sets is left out rather than typed loosely, so the compiler catches a misspelt element.
 */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface Extension {
  url: string;
  valueCodeableConcept?: CodeableConcept;
  valueCoding?: Coding;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
  extension?: Extension[];
}

export interface Reference {
  /** Always `urn:uuid:<id>` of another entry of the same bundle. */
  reference: string;
  display?: string;
}

export interface Identifier {
  system: string;
  value: string;
  type?: CodeableConcept;
}

export interface Period {
  start?: string;
  end?: string;
}

/** A UCUM quantity: `system` is always http://unitsofmeasure.org and `code` the UCUM code. */
export interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}

export interface HumanName {
  use?: 'official';
  family: string;
  given: string[];
}

export interface ContactPoint {
  system: 'phone' | 'email';
  value: string;
}

export interface Patient {
  resourceType: 'Patient';
  identifier: Identifier[];
  name: HumanName[];
  telecom?: ContactPoint[];
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthDate: string;
  managingOrganization: Reference;
}

export interface Organization {
  resourceType: 'Organization';
  identifier: Identifier[];
  active: boolean;
  name: string;
}

export interface Practitioner {
  resourceType: 'Practitioner';
  identifier: Identifier[];
  name: HumanName[];
}

export interface Condition {
  resourceType: 'Condition';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  recordedDate: string;
  recorder: Reference;
}

export interface EpisodeOfCare {
  resourceType: 'EpisodeOfCare';
  identifier: Identifier[];
  status: 'active' | 'finished';
  type: CodeableConcept[];
  diagnosis: { condition: Reference; rank: number }[];
  patient: Reference;
  managingOrganization: Reference;
  period: Period;
  careManager: Reference;
}

export interface Timing {
  repeat: {
    count: number;
    duration: number;
    durationUnit: 'min';
    frequency: number;
    period: number;
    periodUnit: 'wk';
  };
}

export interface CarePlan {
  resourceType: 'CarePlan';
  status: 'active' | 'completed' | 'revoked';
  intent: 'plan';
  title: string;
  description?: string;
  subject: Reference;
  period: Period;
  author: Reference;
  addresses: Reference[];
  activity: {
    detail: {
      kind: 'ServiceRequest';
      code: CodeableConcept;
      status: 'in-progress' | 'completed' | 'stopped';
      scheduledTiming: Timing;
      performer: Reference[];
    };
  }[];
}

export interface Encounter {
  resourceType: 'Encounter';
  extension: Extension[];
  status: 'finished' | 'cancelled' | 'entered-in-error';
  class: Coding;
  type: CodeableConcept[];
  subject: Reference;
  episodeOfCare: Reference[];
  participant: { individual: Reference }[];
  period: Period;
  length?: Quantity;
  reasonReference: Reference[];
  serviceProvider: Reference;
}

export interface Procedure {
  resourceType: 'Procedure';
  status: 'completed' | 'entered-in-error';
  code: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  performedPeriod: Period;
  performer: { actor: Reference }[];
  reasonReference: Reference[];
  bodySite?: CodeableConcept[];
  note?: { text: string }[];
}

export interface Observation {
  resourceType: 'Observation';
  status: 'final' | 'amended' | 'entered-in-error';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  effectiveDateTime: string;
  performer: Reference[];
  valueQuantity: Quantity;
  bodySite?: CodeableConcept;
  derivedFrom?: Reference[];
  note?: { text: string }[];
}

/** An R4 RelatedPerson: a proxy who reports for the client (a parent, guardian, family member or caregiver). */
export interface RelatedPerson {
  resourceType: 'RelatedPerson';
  active: boolean;
  patient: Reference;
  relationship: CodeableConcept[];
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text: string;
  answer: { valueInteger: number }[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  questionnaire: string;
  status: 'completed' | 'amended' | 'entered-in-error';
  subject: Reference;
  encounter?: Reference;
  authored: string;
  /** Who entered the answers (the therapist, or the portal account's holder). */
  author: Reference;
  /** Who gave the answers: the client (Patient), their proxy (RelatedPerson) or the therapist observing (Practitioner). */
  source: Reference;
  item: QuestionnaireResponseItem[];
}

/** An R4 Composition: the progress report of a series (LOINC 11506-3 Progress note), with a narrative per section. */
export interface Composition {
  resourceType: 'Composition';
  status: 'final';
  type: CodeableConcept;
  subject: Reference;
  date: string;
  author: Reference[];
  title: string;
  custodian: Reference;
  event?: { period: Period }[];
  section: {
    title: string;
    code?: CodeableConcept;
    text: { status: 'generated'; div: string };
    entry?: Reference[];
  }[];
}

export type Resource =
  | Composition
  | Patient
  | Organization
  | Practitioner
  | RelatedPerson
  | Condition
  | EpisodeOfCare
  | CarePlan
  | Encounter
  | Procedure
  | Observation
  | QuestionnaireResponse;

export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
}

export interface Bundle {
  resourceType: 'Bundle';
  identifier: Identifier;
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}

/** An R4 OperationOutcome: the body of a refused export. */
export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: {
    severity: 'error';
    code: 'login' | 'forbidden' | 'not-found' | 'invalid' | 'exception';
    details?: CodeableConcept;
    diagnostics: string;
    expression?: string[];
  }[];
}
