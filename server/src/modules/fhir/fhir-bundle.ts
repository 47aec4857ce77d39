import { createHash, randomUUID } from 'node:crypto';
import { findBodyRegion } from '../body-regions/body-region-catalog.js';
import type { TreatmentSeries } from '../care/treatment-series.entity.js';
import type { TreatmentSession } from '../care/treatment-session.entity.js';
import type { Client, Sex } from '../clients/client.entity.js';
import type { Clinic } from '../clinics/clinic.entity.js';
import type { Therapist } from '../clinics/therapist.entity.js';
import { findCondition } from '../conditions/condition-catalog.js';
import { findInstrument } from '../instruments/instrument-catalog.js';
import type { QuestionnaireResponse as ResponseRow } from '../instruments/questionnaire-response.entity.js';
import { findMeasure } from '../measures/measure-catalog.js';
import type { MeasureDefinition } from '../measures/measure-definition.js';
import type { Observation as ObservationRow } from '../measures/observation.entity.js';
import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CodeableConcept,
  Condition,
  Encounter,
  EpisodeOfCare,
  HumanName,
  Observation,
  Organization,
  Patient,
  Practitioner,
  QuestionnaireResponse,
  Reference,
  Resource,
} from './fhir.types.js';
import {
  extensions,
  lateralityCodings,
  observationCategory,
  observationTimingCodings,
  questionnaireCanonical,
  systems,
} from './fhir-codes.js';

/** Everything one export covers, already scoped to what the viewer may see. */
export interface FhirExportRecords {
  clinic: Clinic;
  client: Client;
  series: readonly TreatmentSeries[];
  sessions: readonly TreatmentSession[];
  observations: readonly ObservationRow[];
  responses: readonly ResponseRow[];
  /** Every therapist the records name. */
  therapists: readonly Therapist[];
}

const urn = (id: string) => `urn:uuid:${id}`;
const ref = (id: string, display?: string): Reference => (display ? { reference: urn(id), display } : { reference: urn(id) });

/**
 * A stable UUID for a resource Fascia has no row of its own for (the Condition and CarePlan of a
 * series): name-based, RFC 4122 version 5 layout over SHA-1, so two exports of the same series agree.
 */
export function derivedUuid(kind: string, id: string): string {
  const hex = createHash('sha1').update(`${kind}:${id}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * An instant as an R4 dateTime in the clinic's time zone, with its offset (e.g. `2026-01-12T10:00:00-05:00`),
 * so a receiver sees the local clinical time and can still place it exactly.
 */
export function dateTimeIn(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  // longOffset is "GMT-05:00", or plain "GMT" at offset zero.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** R4 AdministrativeGender has exactly Fascia's four values. */
const genders: Record<Sex, Patient['gender']> = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'unknown' };

const nameOf = (person: { givenName: string; familyName: string }): HumanName => ({
  use: 'official',
  family: person.familyName,
  given: [person.givenName],
});
const displayName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;

/** What the catalog holds is checked on the way in; a code missing from it here is a programming error. */
function known<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not in the catalog`);
  return value;
}

function measureCode(measure: MeasureDefinition): CodeableConcept {
  const fascia = { system: systems.measure, code: measure.code, display: measure.name };
  return {
    coding: measure.loinc ? [{ system: systems.loinc, code: measure.loinc, display: measure.name }, fascia] : [fascia],
    text: measure.name,
  };
}

/** Region as a Fascia coding with its name, side as a SNOMED CT qualifier in the laterality extension. */
function bodySite(regionCode: string | null, side: ObservationRow['side']): CodeableConcept | undefined {
  const region = regionCode ? known(findBodyRegion(regionCode), `Body region ${regionCode}`) : null;
  if (!region && !side) return undefined;
  const laterality = side ? lateralityCodings[side] : null;
  const sideText = side === 'LEFT' ? 'left' : side === 'RIGHT' ? 'right' : null;
  return {
    ...(laterality
      ? { extension: [{ url: extensions.laterality, valueCodeableConcept: { coding: [laterality], text: sideText ?? '' } }] }
      : {}),
    ...(region ? { coding: [{ system: systems.bodyRegion, code: region.code, display: region.name }] } : {}),
    // A range of motion taken per side has no region: the side alone is the site.
    text: [region?.name, sideText ? `${sideText} side` : null].filter(Boolean).join(', '),
  };
}

/**
 * Maps one client's records to a FHIR R4 `collection` Bundle: Organization (the clinic), Patient,
 * Practitioners, per series a Condition, an EpisodeOfCare and a CarePlan, an Encounter per session,
 * an Observation per value and a QuestionnaireResponse per completed questionnaire. Every reference
 * is the `urn:uuid:` fullUrl of another entry, so the bundle stands on its own.
 */
export function buildFhirBundle(records: FhirExportRecords, exportedAt: Date): Bundle {
  const { clinic, client } = records;
  const zone = clinic.timeZone;
  const entries: BundleEntry[] = [];
  const add = (id: string, resource: Resource) => entries.push({ fullUrl: urn(id), resource });

  const organization: Organization = {
    resourceType: 'Organization',
    identifier: [{ system: systems.clinicId, value: clinic.id }],
    active: true,
    name: clinic.name,
  };
  add(clinic.id, organization);
  const patientRef = ref(client.id, displayName(client));
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: [{ system: systems.clientId, value: client.id }],
    name: [nameOf(client)],
    ...(client.email || client.phone
      ? {
          telecom: [
            ...(client.phone ? [{ system: 'phone' as const, value: client.phone }] : []),
            ...(client.email ? [{ system: 'email' as const, value: client.email }] : []),
          ],
        }
      : {}),
    gender: genders[client.sex],
    birthDate: client.dateOfBirth,
    managingOrganization: ref(clinic.id, clinic.name),
  };
  add(client.id, patient);

  const therapists = new Map(records.therapists.map((t) => [t.id, t]));
  for (const therapist of therapists.values()) {
    const practitioner: Practitioner = {
      resourceType: 'Practitioner',
      identifier: [
        { system: systems.therapistId, value: therapist.id },
        // The licensing body (and so its identifier system) differs by jurisdiction: typed by text only.
        ...(therapist.registrationNumber
          ? [{ system: `${systems.therapistId}/registration`, value: therapist.registrationNumber, type: { text: 'Registration number' } }]
          : []),
      ],
      name: [nameOf(therapist)],
    };
    add(therapist.id, practitioner);
  }
  const therapistRef = (id: string) => ref(id, displayName(known(therapists.get(id), `Therapist ${id}`)));

  const seriesById = new Map(records.series.map((s) => [s.id, s]));
  for (const series of records.series) {
    const condition = known(findCondition(series.condition.code), `Condition ${series.condition.code}`);
    const conditionId = derivedUuid('condition', series.id);
    const finished = series.status !== 'ACTIVE';
    const period = { start: series.startDate, ...(series.endDate ? { end: series.endDate } : {}) };
    const conditionResource: Condition = {
      resourceType: 'Condition',
      category: [{ coding: [{ system: systems.conditionCategory, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
      code: { coding: [{ system: systems.icd10, code: condition.icd10 }], text: condition.name },
      subject: patientRef,
      recordedDate: series.startDate,
      recorder: therapistRef(series.therapist.id),
    };
    add(conditionId, conditionResource);
    const episode: EpisodeOfCare = {
      resourceType: 'EpisodeOfCare',
      identifier: [{ system: systems.seriesId, value: series.id }],
      status: finished ? 'finished' : 'active',
      type: [{ text: 'Therapeutic massage treatment series' }],
      diagnosis: [{ condition: ref(conditionId, condition.name), rank: 1 }],
      patient: patientRef,
      managingOrganization: ref(clinic.id, clinic.name),
      period,
      careManager: therapistRef(series.therapist.id),
    };
    add(series.id, episode);
    const perWeek = Number(series.plannedSessionsPerWeek);
    const carePlan: CarePlan = {
      resourceType: 'CarePlan',
      status: series.status === 'ACTIVE' ? 'active' : series.status === 'COMPLETED' ? 'completed' : 'revoked',
      intent: 'plan',
      title: `${condition.name}: ${series.plannedSessions} sessions`,
      ...(series.goals ? { description: series.goals } : {}),
      subject: patientRef,
      period,
      author: therapistRef(series.therapist.id),
      addresses: [ref(conditionId, condition.name)],
      activity: [
        {
          detail: {
            kind: 'ServiceRequest',
            code: { text: 'Therapeutic massage session' },
            status: series.status === 'ACTIVE' ? 'in-progress' : series.status === 'COMPLETED' ? 'completed' : 'stopped',
            // Timing.repeat.frequency is a whole number: 1.5 a week becomes once every 0.67 weeks.
            scheduledTiming: {
              repeat: {
                count: series.plannedSessions,
                duration: series.plannedMinutesPerSession,
                durationUnit: 'min',
                frequency: Number.isInteger(perWeek) ? perWeek : 1,
                period: Number.isInteger(perWeek) ? 1 : Math.round((1 / perWeek) * 100) / 100,
                periodUnit: 'wk',
              },
            },
            performer: [therapistRef(series.therapist.id)],
          },
        },
      ],
    };
    add(derivedUuid('care-plan', series.id), carePlan);
  }

  for (const session of records.sessions) {
    const series = known(seriesById.get(session.series.id), `Series ${session.series.id}`);
    const attended = session.attendance === 'ATTENDED';
    const start = dateTimeIn(session.startedAt, zone);
    const end = new Date(session.startedAt.getTime() + session.durationMinutes * 60_000);
    const attendance = { ATTENDED: 'attended', CANCELLED: 'cancelled', NO_SHOW: 'no-show' }[session.attendance];
    const encounter: Encounter = {
      resourceType: 'Encounter',
      extension: [{ url: extensions.attendance, valueCoding: { system: systems.attendance, code: attendance } }],
      // R4 has no "no-show" status for an encounter: a visit that did not happen is cancelled, and the
      // attendance extension says whether the client cancelled or did not come.
      status: attended ? 'finished' : 'cancelled',
      class: { system: systems.actCode, code: 'AMB', display: 'ambulatory' },
      type: [{ text: 'Therapeutic massage session' }],
      subject: patientRef,
      episodeOfCare: [ref(series.id)],
      participant: [{ individual: therapistRef(session.therapist.id) }],
      period: attended && session.durationMinutes > 0 ? { start, end: dateTimeIn(end, zone) } : { start },
      ...(attended ? { length: { value: session.durationMinutes, unit: 'min', system: systems.ucum, code: 'min' } } : {}),
      reasonReference: [ref(derivedUuid('condition', series.id))],
      serviceProvider: ref(clinic.id, clinic.name),
    };
    add(session.id, encounter);
  }

  const sessionIds = new Set(records.sessions.map((s) => s.id));
  const encounterOf = (sessionId: string | undefined) => (sessionId && sessionIds.has(sessionId) ? { encounter: ref(sessionId) } : {});
  const recorder = (row: { recordedByRole: string; recordedByTherapist?: { id: string } | null }) =>
    row.recordedByTherapist ? therapistRef(row.recordedByTherapist.id) : patientRef;

  const responseIds = new Set(records.responses.map((r) => r.id));
  for (const row of records.observations) {
    const measure = known(findMeasure(row.measure.code), `Measure ${row.measure.code}`);
    const site = bodySite(row.region?.code ?? null, row.side ?? null);
    const scoreOf = row.questionnaireResponse?.id;
    const observation: Observation = {
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [observationCategory(measure.kind)] }, { coding: [observationTimingCodings[row.context]] }],
      code: measureCode(measure),
      subject: patientRef,
      ...encounterOf(row.session?.id),
      effectiveDateTime: dateTimeIn(row.takenAt, zone),
      performer: [recorder(row)],
      valueQuantity: { value: Number(row.value), unit: measure.unitLabel, system: systems.ucum, code: measure.unit },
      ...(site ? { bodySite: site } : {}),
      ...(scoreOf && responseIds.has(scoreOf) ? { derivedFrom: [ref(scoreOf)] } : {}),
    };
    add(row.id, observation);
  }

  for (const row of records.responses) {
    const instrument = known(findInstrument(row.instrument.code), `Instrument ${row.instrument.code}`);
    const itemsByCode = new Map(instrument.items.map((item) => [item.code, item]));
    const response: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      questionnaire: questionnaireCanonical(instrument.code, row.scoringVersion),
      status: 'completed',
      subject: patientRef,
      ...encounterOf(row.session?.id),
      authored: dateTimeIn(row.completedAt, zone),
      author: recorder(row),
      // Items left unanswered are left out, as the SDC guidance for completed responses has it.
      item: row.answers.flatMap((answer) => {
        if (answer.value === null || answer.value === undefined) return [];
        const label = known(itemsByCode.get(answer.itemCode), `Item ${answer.itemCode}`).label;
        return [
          { linkId: answer.itemCode, text: answer.label ? `${label}: ${answer.label}` : label, answer: [{ valueInteger: answer.value }] },
        ];
      }),
    };
    add(row.id, response);
  }

  return {
    resourceType: 'Bundle',
    identifier: { system: systems.bundleId, value: randomUUID() },
    type: 'collection',
    timestamp: dateTimeIn(exportedAt, zone),
    entry: entries,
  };
}
