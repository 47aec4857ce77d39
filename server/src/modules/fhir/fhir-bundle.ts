import { createHash, randomUUID } from 'node:crypto';
import type { RecordStatus } from '../../common/record-status.js';
import { type ProxyRelation, proxyRelations, type Reporter, reporterInWords } from '../../common/reporter.js';
import { wallClock } from '../../common/wall-clock.js';
import { findBodyRegion } from '../body-regions/body-region-catalog.js';
import type { TreatedRegion } from '../care/treated-region.entity.js';
import type { SeriesStatus, TreatmentSeries } from '../care/treatment-series.entity.js';
import type { Modality, TreatmentSession } from '../care/treatment-session.entity.js';
import type { Client, Sex } from '../clients/client.entity.js';
import type { Clinic } from '../clinics/clinic.entity.js';
import type { Therapist } from '../clinics/therapist.entity.js';
import { findCondition } from '../conditions/condition-catalog.js';
import { findInstrument } from '../instruments/instrument-catalog.js';
import type { QuestionnaireResponse as ResponseRow } from '../instruments/questionnaire-response.entity.js';
import { findMeasure } from '../measures/measure-catalog.js';
import { changeAgainstThreshold, type MeasureDefinition } from '../measures/measure-definition.js';
import type { Observation as ObservationRow } from '../measures/observation.entity.js';
import type { SeriesProgressNode } from '../progress/progress.type.js';
import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CodeableConcept,
  Composition,
  Condition,
  Encounter,
  EpisodeOfCare,
  HumanName,
  Observation,
  Organization,
  Patient,
  Practitioner,
  Procedure,
  QuestionnaireResponse,
  Reference,
  RelatedPerson,
  Resource,
} from './fhir.types.js';
import {
  extensions,
  lateralityCodings,
  observationCategory,
  observationTimingCodings,
  proxyRelationConcepts,
  questionnaireCanonical,
  systems,
} from './fhir-codes.js';

/** Everything one export covers, already scoped to what the viewer may see. */
export interface FhirExportRecords {
  clinic: Clinic;
  client: Client;
  series: readonly TreatmentSeries[];
  sessions: readonly TreatmentSession[];
  /** The regions worked on in those sessions. */
  treatedRegions: readonly TreatedRegion[];
  observations: readonly ObservationRow[];
  responses: readonly ResponseRow[];
  /** Every therapist the records name. */
  therapists: readonly Therapist[];
  /** The progress API's answer for each series (the Composition's numbers). */
  progress: ReadonlyMap<string, SeriesProgressNode>;
}

const urn = (id: string) => `urn:uuid:${id}`;
const ref = (id: string, display?: string): Reference => (display ? { reference: urn(id), display } : { reference: urn(id) });

/**
 * A stable UUID for a resource Fascia has no row of its own for (the Condition and CarePlan of a
 * series, the Procedure of a visit): name-based, RFC 4122 version 5 layout over SHA-1, so two exports of the same series agree.
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
  const c = wallClock(at, timeZone);
  return `${c.year}-${c.month}-${c.day}T${c.hour}:${c.minute}:${c.second}${c.offset}`;
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

/** A value the database's checks guarantee (e.g. a proxy's relation); missing here is a programming error. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
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
function bodySite(regionCode: string | null, side: TreatedRegion['side']): CodeableConcept | undefined {
  const region = regionCode ? known(findBodyRegion(regionCode), `Body region ${regionCode}`) : null;
  if (!region && !side) return undefined;
  const sideText = side ? { LEFT: 'left', RIGHT: 'right', BOTH: 'both sides' }[side] : undefined;
  return {
    ...(side
      ? { extension: [{ url: extensions.laterality, valueCodeableConcept: { coding: [lateralityCodings[side]], text: sideText } }] }
      : {}),
    ...(region ? { coding: [{ system: systems.bodyRegion, code: region.code, display: region.name }] } : {}),
    // A range of motion taken per side has no region: the side alone is the site.
    text: [region?.name, side === 'BOTH' ? sideText : sideText && `${sideText} side`].filter(Boolean).join(', '),
  };
}

/** What every resource of one bundle shares. */
interface BundleContext {
  zone: string;
  patient: Reference;
  organization: Reference;
  therapist(id: string): Reference;
  /** `encounter` for a row taken at a session of the bundle; nothing for a diary value. */
  encounterOf(sessionId: string | undefined): { encounter?: Reference };
  /** Who entered a row: the therapist, or the portal account's holder (the client themself, or their proxy). */
  recorder(row: ReportedRow): Reference;
  /** Who reported a row: the Patient (self-report), the proxy's RelatedPerson, or the Practitioner observing. */
  reporter(row: ReportedRow): Reference;
}

/** What a row says about who reported it and who entered it. */
type ReportedRow = Pick<Reporter, 'reporter'> & { proxyRelation?: ProxyRelation | null; recordedByTherapist?: { id: string } | null };

/**
 * One RelatedPerson per relation a client's proxies report under (Fascia records the relation, not the
 * person): a stable id from the client and the relation, so every value a parent reported points at one resource.
 */
const relatedPersonId = (clientId: string, relation: ProxyRelation) => derivedUuid('related-person', `${clientId}:${relation}`);
const relationText = (relation: ProxyRelation) => proxyRelationConcepts[relation].text ?? relation;

function relatedPersonOf(relation: ProxyRelation, context: BundleContext): RelatedPerson {
  return { resourceType: 'RelatedPerson', active: true, patient: context.patient, relationship: [proxyRelationConcepts[relation]] };
}

const organizationOf = (clinic: Clinic): Organization => ({
  resourceType: 'Organization',
  identifier: [{ system: systems.clinicId, value: clinic.id }],
  active: true,
  name: clinic.name,
});

function patientOf(client: Client, context: BundleContext): Patient {
  const telecom = [
    ...(client.phone ? [{ system: 'phone' as const, value: client.phone }] : []),
    ...(client.email ? [{ system: 'email' as const, value: client.email }] : []),
  ];
  return {
    resourceType: 'Patient',
    identifier: [{ system: systems.clientId, value: client.id }],
    name: [nameOf(client)],
    ...(telecom.length > 0 ? { telecom } : {}),
    gender: genders[client.sex],
    birthDate: client.dateOfBirth,
    managingOrganization: context.organization,
  };
}

const practitionerOf = (therapist: Therapist): Practitioner => ({
  resourceType: 'Practitioner',
  identifier: [
    { system: systems.therapistId, value: therapist.id },
    // The licensing body (and so its identifier system) differs by jurisdiction: typed by text only.
    ...(therapist.registrationNumber
      ? [{ system: `${systems.therapistId}/registration`, value: therapist.registrationNumber, type: { text: 'Registration number' } }]
      : []),
  ],
  name: [nameOf(therapist)],
});

const carePlanStatus = { ACTIVE: 'active', COMPLETED: 'completed', DISCONTINUED: 'revoked' } as const;
const activityStatus = { ACTIVE: 'in-progress', COMPLETED: 'completed', DISCONTINUED: 'stopped' } as const;

/** A series is three resources: the Condition treated, the EpisodeOfCare, and the CarePlan (the planned dose). */
function seriesResources(series: TreatmentSeries, context: BundleContext): [string, Resource][] {
  const condition = known(findCondition(series.condition.code), `Condition ${series.condition.code}`);
  const conditionId = derivedUuid('condition', series.id);
  const conditionRef = ref(conditionId, condition.name);
  const period = { start: series.startDate, ...(series.endDate ? { end: series.endDate } : {}) };
  const therapist = context.therapist(series.therapist.id);
  const diagnosis: Condition = {
    resourceType: 'Condition',
    category: [{ coding: [{ system: systems.conditionCategory, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
    code: { coding: [{ system: systems.icd10, code: condition.icd10 }], text: condition.name },
    subject: context.patient,
    recordedDate: series.startDate,
    recorder: therapist,
  };
  const episode: EpisodeOfCare = {
    resourceType: 'EpisodeOfCare',
    identifier: [{ system: systems.seriesId, value: series.id }],
    status: series.status === 'ACTIVE' ? 'active' : 'finished',
    type: [{ text: 'Therapeutic massage treatment series' }],
    diagnosis: [{ condition: conditionRef, rank: 1 }],
    patient: context.patient,
    managingOrganization: context.organization,
    period,
    careManager: therapist,
  };
  const perWeek = Number(series.plannedSessionsPerWeek);
  const status: SeriesStatus = series.status;
  const plan: CarePlan = {
    resourceType: 'CarePlan',
    status: carePlanStatus[status],
    intent: 'plan',
    title: `${condition.name}: ${series.plannedSessions} sessions`,
    ...(series.goals ? { description: series.goals } : {}),
    subject: context.patient,
    period,
    author: therapist,
    addresses: [conditionRef],
    activity: [
      {
        detail: {
          kind: 'ServiceRequest',
          code: { text: 'Therapeutic massage session' },
          status: activityStatus[status],
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
          performer: [therapist],
        },
      },
    ],
  };
  return [
    [conditionId, diagnosis],
    [series.id, episode],
    [derivedUuid('care-plan', series.id), plan],
  ];
}

/**
 * A corrected record keeps its place in the bundle with FHIR's status for it: `entered-in-error` when voided,
 * `amended` when corrected (where the resource has that status), otherwise the status it had as recorded.
 */
function statusOf<Recorded extends string, Amended extends string = Recorded>(
  row: { status: RecordStatus },
  recorded: Recorded,
  amended?: Amended,
): Recorded | Amended | 'entered-in-error' {
  if (row.status === 'ENTERED_IN_ERROR') return 'entered-in-error';
  return row.status === 'AMENDED' && amended ? amended : recorded;
}

const attendanceCodes = { ATTENDED: 'attended', CANCELLED: 'cancelled', NO_SHOW: 'no-show' } as const;

function encounterOf(session: TreatmentSession, context: BundleContext): Encounter {
  const attended = session.attendance === 'ATTENDED';
  const start = dateTimeIn(session.startedAt, context.zone);
  const end = dateTimeIn(new Date(session.startedAt.getTime() + session.durationMinutes * 60_000), context.zone);
  return {
    resourceType: 'Encounter',
    extension: [{ url: extensions.attendance, valueCoding: { system: systems.attendance, code: attendanceCodes[session.attendance] } }],
    // R4 has no "no-show" status for an encounter: a visit that did not happen is cancelled, and the
    // attendance extension says whether the client cancelled or did not come.
    // An amended visit stays `finished`: Encounter has no amended status.
    status: statusOf(session, attended ? 'finished' : 'cancelled'),
    class: { system: systems.actCode, code: 'AMB', display: 'ambulatory' },
    type: [{ text: 'Therapeutic massage session' }],
    subject: context.patient,
    episodeOfCare: [ref(session.series.id)],
    participant: [{ individual: context.therapist(session.therapist.id) }],
    // A visit that did not happen keeps its booked start only.
    period: attended ? { start, end } : { start },
    ...(attended ? { length: { value: session.durationMinutes, unit: 'min', system: systems.ucum, code: 'min' } } : {}),
    reasonReference: [ref(derivedUuid('condition', session.series.id))],
    serviceProvider: context.organization,
  };
}

const modalityNames: Record<Modality, string> = {
  SWEDISH: 'Swedish',
  DEEP_TISSUE: 'deep tissue',
  TRIGGER_POINT: 'trigger point',
  MYOFASCIAL_RELEASE: 'myofascial release',
  SPORTS: 'sports',
  SHIATSU: 'shiatsu',
  REFLEXOLOGY: 'reflexology',
  LYMPHATIC_DRAINAGE: 'lymphatic drainage',
  OTHER: 'other',
};

/** The massage given at an attended visit: the regions worked on (with their sides), techniques and pressure. */
function procedureOf(session: TreatmentSession, regions: readonly TreatedRegion[], context: BundleContext): Procedure {
  const techniques = session.modalities.map((m) => modalityNames[m]);
  const sites = regions.flatMap((r) => bodySite(r.region.code, r.side ?? null) ?? []);
  const end = new Date(session.startedAt.getTime() + session.durationMinutes * 60_000);
  return {
    resourceType: 'Procedure',
    status: statusOf(session, 'completed'),
    code: { text: techniques.length > 0 ? `Therapeutic massage: ${techniques.join(', ')}` : 'Therapeutic massage' },
    subject: context.patient,
    encounter: ref(session.id),
    performedPeriod: { start: dateTimeIn(session.startedAt, context.zone), end: dateTimeIn(end, context.zone) },
    performer: [{ actor: context.therapist(session.therapist.id) }],
    reasonReference: [ref(derivedUuid('condition', session.series.id))],
    // FHIR JSON has no empty arrays.
    ...(sites.length > 0 ? { bodySite: sites } : {}),
    ...(session.pressure ? { note: [{ text: `Pressure ${session.pressure} of 5 (1 very light, 5 very deep)` }] } : {}),
  };
}

function observationOf(row: ObservationRow, context: BundleContext, responseIds: ReadonlySet<string>): Observation {
  const measure = known(findMeasure(row.measure.code), `Measure ${row.measure.code}`);
  const site = bodySite(row.region?.code ?? null, row.side ?? null);
  const scoreOf = row.questionnaireResponse?.id;
  return {
    resourceType: 'Observation',
    status: statusOf(row, 'final', 'amended'),
    category: [{ coding: [observationCategory(measure.kind)] }, { coding: [observationTimingCodings[row.context]] }],
    code: measureCode(measure),
    subject: context.patient,
    ...context.encounterOf(row.session?.id),
    effectiveDateTime: dateTimeIn(row.takenAt, context.zone),
    // Who reported the value (not who typed it in): R4's performer is who is responsible for the observation.
    performer: [context.reporter(row)],
    valueQuantity: { value: Number(row.value), unit: measure.unitLabel, system: systems.ucum, code: measure.unit },
    ...(site ? { bodySite: site } : {}),
    ...(scoreOf && responseIds.has(scoreOf) ? { derivedFrom: [ref(scoreOf)] } : {}),
    // The words of whoever entered it, e.g. the client's diary note (Observation.note is an Annotation).
    ...(row.note ? { note: [{ text: row.note }] } : {}),
  };
}

function questionnaireResponseOf(row: ResponseRow, context: BundleContext): QuestionnaireResponse {
  const instrument = known(findInstrument(row.instrument.code), `Instrument ${row.instrument.code}`);
  const itemsByCode = new Map(instrument.items.map((item) => [item.code, item]));
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaireCanonical(instrument.code, row.scoringVersion),
    status: statusOf(row, 'completed', 'amended'),
    subject: context.patient,
    ...context.encounterOf(row.session?.id),
    authored: dateTimeIn(row.completedAt, context.zone),
    author: context.recorder(row),
    source: context.reporter(row),
    // Items left unanswered are left out, as the SDC guidance for completed responses has it.
    item: row.answers.flatMap((answer) => {
      if (answer.value === null || answer.value === undefined) return [];
      const label = known(itemsByCode.get(answer.itemCode), `Item ${answer.itemCode}`).label;
      // A PSFS slot carries the activity the client named.
      const text = answer.label ? `${label}: ${answer.label}` : label;
      return [{ linkId: answer.itemCode, text, answer: [{ valueInteger: answer.value }] }];
    }),
  };
}

/** Text for XHTML: the five characters with a meaning there, escaped. */
const xhtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const narrative = (paragraphs: readonly string[]) => ({
  status: 'generated' as const,
  div: `<div xmlns="http://www.w3.org/1999/xhtml">${paragraphs.map((p) => `<p>${xhtml(p)}</p>`).join('')}</div>`,
});

/**
 * The progress report of a series as a Composition (LOINC 11506-3 "Progress note"): attendance, dose and
 * each measure's baseline, latest, change and MCID, the numbers being the progress API's (as in the PDF
 * report), in narrative sections; the outcomes section references the series' valid Observations.
 */
function compositionOf(
  series: TreatmentSeries,
  progress: SeriesProgressNode,
  observationIds: readonly string[],
  context: BundleContext,
  exportedAt: Date,
): [string, Composition] {
  const condition = known(findCondition(series.condition.code), `Condition ${series.condition.code}`);
  const a = progress.attendance;
  const measureLine = (p: SeriesProgressNode['measures'][number]) => {
    const measure = known(findMeasure(p.measureCode), `Measure ${p.measureCode}`);
    const where = [p.regionCode ? (findBodyRegion(p.regionCode)?.name ?? p.regionCode).toLowerCase() : null, p.side?.toLowerCase()]
      .filter(Boolean)
      .join(', ');
    const mcid =
      p.points < 2
        ? 'one value'
        : changeAgainstThreshold(
            measure,
            { change: p.change, threshold: p.mcid, percentOfBaseline: p.mcidPercentOfBaseline, kind: p.thresholdKind },
            String,
          );
    // Each reporter's values are a line of their own (progress never pools them): say whose they are.
    const source = reporterInWords({ reporter: p.reporter, proxyRelation: null });
    return `${measure.name}${where ? `, ${where}` : ''}, ${source}: baseline ${p.baseline}, latest ${p.latest}, change ${p.change} ${measure.unitLabel} (${mcid}).`;
  };
  return [
    derivedUuid('progress-report', series.id),
    {
      resourceType: 'Composition',
      status: 'final',
      type: { coding: [{ system: systems.loinc, code: '11506-3', display: 'Progress note' }], text: 'Progress report' },
      subject: context.patient,
      date: dateTimeIn(exportedAt, context.zone),
      author: [context.therapist(series.therapist.id)],
      title: `Progress report: ${condition.name}`,
      custodian: context.organization,
      event: [{ period: { start: series.startDate, ...(series.endDate ? { end: series.endDate } : {}) } }],
      section: [
        {
          title: 'Plan and attendance',
          text: narrative([
            `${condition.name} (ICD-10 ${condition.icd10}).`,
            `Attended ${a.attended} of ${a.plannedSessions} planned sessions (${a.expectedByNow} expected by now); ${a.cancelled} cancelled, ${a.noShows} no-shows.`,
            `Hands-on minutes: ${progress.dose.totalMinutes}.`,
          ]),
        },
        {
          title: 'Outcomes',
          text: narrative(
            progress.measures.length + progress.diary.length > 0
              ? [...progress.measures.map(measureLine), ...progress.diary.map((p) => `Diary: ${measureLine(p)}`)]
              : ['No values recorded.'],
          ),
          ...(observationIds.length > 0 ? { entry: observationIds.map((id) => ref(id)) } : {}),
        },
      ],
    },
  ];
}

/**
 * Maps one client's records to a FHIR R4 `collection` Bundle: Organization (the clinic), Patient,
 * Practitioners, per series a Condition, an EpisodeOfCare and a CarePlan, an Encounter per session
 * and a Procedure per attended one, an Observation per value and a QuestionnaireResponse per completed questionnaire. Every reference
 * is the `urn:uuid:` fullUrl of another entry, so the bundle stands on its own.
 */
export function buildFhirBundle(records: FhirExportRecords, exportedAt: Date): Bundle {
  const { clinic, client } = records;
  const therapists = new Map(records.therapists.map((t) => [t.id, t]));
  const sessionIds = new Set(records.sessions.map((s) => s.id));
  const patient = ref(client.id, displayName(client));
  const context: BundleContext = {
    zone: clinic.timeZone,
    patient,
    organization: ref(clinic.id, clinic.name),
    therapist: (id) => ref(id, displayName(known(therapists.get(id), `Therapist ${id}`))),
    encounterOf: (sessionId) => (sessionId && sessionIds.has(sessionId) ? { encounter: ref(sessionId) } : {}),
    // A portal account reports as its holder, so without a therapist the one who entered it is the reporter.
    recorder: (row) => (row.recordedByTherapist ? context.therapist(row.recordedByTherapist.id) : context.reporter(row)),
    reporter: (row) => {
      if (row.reporter === 'CLIENT') return patient;
      if (row.reporter === 'PROXY') {
        const relation = present(row.proxyRelation, 'The relation of a proxy-reported row');
        return ref(relatedPersonId(client.id, relation), `${relationText(relation)} of ${displayName(client)} (proxy)`);
      }
      // Only staff can record a value as observed by the therapist, so the row names its therapist.
      return context.therapist(present(row.recordedByTherapist?.id, 'The therapist of a therapist-reported row'));
    },
  };
  const reportedRows: readonly ReportedRow[] = [...records.observations, ...records.responses];
  const proxies = proxyRelations.filter((relation) =>
    reportedRows.some((row) => row.reporter === 'PROXY' && row.proxyRelation === relation),
  );
  const responseIds = new Set(records.responses.map((r) => r.id));
  const resources: [string, Resource][] = [
    [clinic.id, organizationOf(clinic)],
    [client.id, patientOf(client, context)],
    ...records.therapists.map((t): [string, Resource] => [t.id, practitionerOf(t)]),
    ...proxies.map((relation): [string, Resource] => [relatedPersonId(client.id, relation), relatedPersonOf(relation, context)]),
    ...records.series.flatMap((series) => seriesResources(series, context)),
    ...records.sessions.map((session): [string, Resource] => [session.id, encounterOf(session, context)]),
    // Only a visit that took place had a treatment.
    ...records.sessions
      .filter((session) => session.attendance === 'ATTENDED')
      .map((session): [string, Resource] => [
        derivedUuid('procedure', session.id),
        procedureOf(
          session,
          records.treatedRegions.filter((r) => r.session.id === session.id),
          context,
        ),
      ]),
    ...records.observations.map((row): [string, Resource] => [row.id, observationOf(row, context, responseIds)]),
    ...records.responses.map((row): [string, Resource] => [row.id, questionnaireResponseOf(row, context)]),
    // A progress report per series with progress (the same numbers as the PDF report).
    ...records.series.flatMap((series): [string, Resource][] => {
      const progress = records.progress.get(series.id);
      if (!progress) return [];
      const observationIds = records.observations
        .filter((o) => o.series?.id === series.id && o.status !== 'ENTERED_IN_ERROR')
        .map((o) => o.id);
      return [compositionOf(series, progress, observationIds, context, exportedAt)];
    }),
  ];
  return {
    resourceType: 'Bundle',
    identifier: { system: systems.bundleId, value: randomUUID() },
    type: 'collection',
    timestamp: dateTimeIn(exportedAt, clinic.timeZone),
    entry: resources.map(([id, resource]): BundleEntry => ({ fullUrl: urn(id), resource })),
  };
}
