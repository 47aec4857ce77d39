/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether an account may sign in. */
export type AccountStatus =
  | 'ACTIVE'
  | 'DISABLED';

/** Age in whole years at the series start, in 10-year bands; the top band is 90 and over. */
export type AgeBand =
  | 'AGE_0_9'
  | 'AGE_10_19'
  | 'AGE_20_29'
  | 'AGE_30_39'
  | 'AGE_40_49'
  | 'AGE_50_59'
  | 'AGE_60_69'
  | 'AGE_70_79'
  | 'AGE_80_89'
  | 'AGE_90_PLUS';

/** Corrections to a measured value; omitted fields stay as they are. Checked like a new value. */
export type AmendObservationInput = {
  /** Why the record is corrected (required, up to 2000 characters). */
  reason: string;
  /** Body region code. */
  regionCode?: string | null | undefined;
  /** Side. */
  side?: Side | null | undefined;
  /** When it was measured (clinical time). */
  takenAt?: string | null | undefined;
  /** The value, in the measure's unit and within its valid range. */
  value?: number | null | undefined;
};

/** The answer to one item of a questionnaire. */
export type AnswerInput = {
  /** Item code, as listed by the instrument. */
  itemCode: string;
  /** Free text for items that take it (the activity named in PSFS). */
  label?: string | null | undefined;
  /** The answer; null when the item was left unanswered. */
  value?: number | null | undefined;
};

/** Where an appointment stands. */
export type AppointmentStatus =
  /** The client came; the visit is recorded as a session (or still to be). */
  | 'ATTENDED'
  /** Booked and not yet recorded. */
  | 'BOOKED'
  /** Cancelled (by the client or the clinic); see cancelledBy and lateCancellation. */
  | 'CANCELLED'
  /** The client did not come and did not cancel. */
  | 'NO_SHOW';

/** Whether a planned visit took place. */
export type Attendance =
  | 'ATTENDED'
  | 'CANCELLED'
  | 'NO_SHOW';

/** ALLOWED: done; DENIED: the role or sign-in did not allow it; NOT_FOUND: the record was outside reach. */
export type AuditOutcome =
  | 'ALLOWED'
  | 'DENIED'
  | 'NOT_FOUND';

/** Books a series' plan as weekly appointments, e.g. Mon/Wed/Fri at 17:30 for 4 weeks. */
export type BookPlanInput = {
  /** First day; defaults to the later of the series start and today. */
  firstDate?: string | null | undefined;
  /** Minutes, 5-480; defaults to the plan's minutes per session. */
  minutes?: number | null | undefined;
  /** The series booked. */
  seriesId: string | number;
  /** Start time HH:MM (24-hour) in the clinic's time zone. */
  time: string;
  /** Days of the week, each at most once. */
  weekdays: Array<Weekday>;
  /** Number of weeks from the first date; at most 200 appointments in all. */
  weeks: number;
};

/** Who cancelled an appointment: the client or the clinic. */
export type Canceller =
  | 'CLIENT'
  | 'CLINIC';

/** Why a series needs attention (definitions in the README, "Progress and caseload"). */
export type CaseloadFlag =
  | 'MISSED_SESSIONS'
  | 'NO_MEANINGFUL_CHANGE'
  | 'REASSESSMENT_OVERDUE'
  | 'WORSENING';

/** Order of the caseload: LAST_VISIT (longest since the last visit first), CHANGE (worst headline change first, in units of the measure’s MCID, or of its MDC where no MCID is published), CLIENT_NAME (family, given name), START_DATE (newest series first). */
export type CaseloadSort =
  | 'CHANGE'
  | 'CLIENT_NAME'
  | 'LAST_VISIT'
  | 'START_DATE';

/** Changes to the clinic's settings; omitted fields stay as they are. */
export type ClinicSettingsInput = {
  /** Whether the clinic's client accounts may make personal API tokens (off when the clinic was made). Turning it off stops new ones; tokens clients already made keep working until they expire or are revoked. */
  clientApiTokensAllowed?: boolean | null | undefined;
  /** BCP 47 locale for dates and numbers, e.g. en-CA or fr-CA. */
  locale?: string | null | undefined;
  /** Name for display, 1-200 characters. */
  name?: string | null | undefined;
  /** Caseload: flag a series "no meaningful change" once it has this many attended sessions without reaching the MCID (2-52; 6 when the clinic was made). */
  noChangeAfterSessions?: number | null | undefined;
  /** IANA time zone, e.g. America/Toronto. Stored instants (visit times, entry times) never move; the calendar days they count on (visit dates, weeks of progress, "today") follow the new zone from then on. */
  timeZone?: string | null | undefined;
};

/** Closing a series: completed as planned or discontinued. */
export type CloseSeriesInput = {
  /** Closing summary, up to 4000 characters. */
  dischargeNote?: string | null | undefined;
  /** Why the series ended. */
  dischargeReason: DischargeReason;
  /** Last day of the series; not before its start. */
  endDate: string;
  /** COMPLETED or DISCONTINUED. */
  status: SeriesStatus;
};

/** Which clients a research query is about: always those whose latest intake gives research consent, across all clinics, with one series each (the earliest that matches every filter). Every filter is optional; the ones given must all hold. */
export type CohortFilterInput = {
  /** Age bands at the series start (any of them). */
  ageBands?: Array<AgeBand> | null | undefined;
  /** Only series of this clinic. */
  clinicId?: string | number | null | undefined;
  /** Condition code of the series (conditions catalog). */
  conditionCode?: string | null | undefined;
  /** At most this many attended visits (0-1000). */
  maxAttendedSessions?: number | null | undefined;
  /** At most this many planned visits per week (0-14). */
  maxPlannedSessionsPerWeek?: number | null | undefined;
  /** At least this many attended visits (0-1000). */
  minAttendedSessions?: number | null | undefined;
  /** At least this many planned visits per week (0-14). */
  minPlannedSessionsPerWeek?: number | null | undefined;
  /** A modality of the series; see modalityMatch. */
  modality?: Modality | null | undefined;
  /** How `modality` must match (default ANY). */
  modalityMatch?: ModalityMatch | null | undefined;
  /** Administrative sex of the client. */
  sex?: Sex | null | undefined;
  /** Series started in this calendar month (YYYY-MM) or later. Months, not days: a coarser quasi-identifier. */
  startMonthFrom?: string | null | undefined;
  /** Series started in this calendar month (YYYY-MM) or earlier. */
  startMonthTo?: string | null | undefined;
};

/** How a complaint began. */
export type ComplaintOnset =
  | 'AFTER_INJURY'
  | 'GRADUAL'
  | 'SUDDEN'
  | 'UNKNOWN';

/** AMENDED: some fields were corrected; ENTERED_IN_ERROR: the record should never have been recorded. */
export type CorrectionKind =
  | 'AMENDED'
  | 'ENTERED_IN_ERROR';

/** A new client. */
export type CreateClientInput = {
  /** Date of birth, not in the future. */
  dateOfBirth: string;
  /** Email address. */
  email?: string | null | undefined;
  /** Family (last) name, 1-100 characters. */
  familyName: string;
  /** Given (first) name, 1-100 characters. */
  givenName: string;
  /** Phone number, up to 40 characters. */
  phone?: string | null | undefined;
  /** Preferred language, a BCP 47 tag such as `en` or `fr-CA`. */
  preferredLanguage?: string | null | undefined;
  /** Who referred the client, if anyone. */
  referral?: ReferralInput | null | undefined;
  /** Administrative sex. */
  sex: Sex;
};

/** Why a series ended. */
export type DischargeReason =
  /** The client chose to stop. */
  | 'CLIENT_CHOICE'
  /** The goals of the series were reached. */
  | 'GOALS_MET'
  /** The client stopped coming without saying so. */
  | 'LOST_TO_FOLLOW_UP'
  /** No further progress was expected from more of the same treatment. */
  | 'PLATEAU'
  /** The client was referred to another clinician. */
  | 'REFERRED_ON';

/** Why a series has no expected-change band. */
export type ExpectedChangeWithheld =
  /** Fewer than the minimum cell size k of clients in the model started in the same tenth of the measure range. */
  | 'FEW_SIMILAR_CLIENTS'
  /** No model is fitted for the condition and measure (too little research data). */
  | 'NO_MODEL'
  /** The series has no value of the measure at a visit (no baseline). */
  | 'NO_VALUES';

/** A presenting complaint. */
export type IntakeComplaintInput = {
  /** The complaint, 1-500 characters. */
  description: string;
  /** How it began. */
  onset?: ComplaintOnset | null | undefined;
  /** When it began; not after the interview. */
  onsetDate?: string | null | undefined;
};

/** Which way is improvement. */
export type MeasureDirection =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER';

/** What a measure quantifies. */
export type MeasureKind =
  | 'DIARY'
  | 'FLEXIBILITY'
  | 'PAIN'
  | 'QUESTIONNAIRE'
  | 'RANGE_OF_MOTION'
  | 'STRENGTH';

/** A massage technique used in a session. */
export type Modality =
  | 'DEEP_TISSUE'
  | 'LYMPHATIC_DRAINAGE'
  | 'MYOFASCIAL_RELEASE'
  | 'OTHER'
  | 'REFLEXOLOGY'
  | 'SHIATSU'
  | 'SPORTS'
  | 'SWEDISH'
  | 'TRIGGER_POINT';

/** ANY: the modality was used at any attended visit; MAIN: it had the most hands-on minutes of the series. */
export type ModalityMatch =
  | 'ANY'
  | 'MAIN';

/** When in the course of care a value was taken: before or after a session, or between sessions. */
export type ObservationContext =
  | 'BETWEEN_SESSIONS'
  | 'POST_SESSION'
  | 'PRE_SESSION';

/** How much discomfort the client tolerates during work. */
export type PainTolerance =
  | 'HIGH'
  | 'LOW'
  | 'MODERATE';

/** RED_FLAG: stop and refer the same day; CONTRAINDICATION: treat only with obstetric clearance, adapting the work. */
export type PregnancyCautionKind =
  | 'CONTRAINDICATION'
  | 'RED_FLAG';

/** Pregnancy at intake: weeks of gestation and whether the obstetric care provider cleared massage. */
export type PregnancyInput = {
  /** Who gave clearance (name and role), up to 200 characters; required with clearance. */
  clearedBy?: string | null | undefined;
  /** When clearance was given; required with clearance, not after the interview. */
  clearedOn?: string | null | undefined;
  /** Completed weeks of gestation, 1-42. */
  gestationWeeks: number;
  /** The obstetric care provider (midwife, obstetrician, GP) cleared massage. */
  obstetricClearance: boolean;
};

/** Pressure the client prefers. */
export type PressurePreference =
  | 'DEEP'
  | 'FIRM'
  | 'LIGHT'
  | 'MODERATE';

/** A proxy's relation to the client. */
export type ProxyRelation =
  | 'CAREGIVER'
  | 'FAMILY_MEMBER'
  | 'GUARDIAN'
  | 'PARENT';

/** An intake interview. */
export type RecordIntakeInput = {
  /** What brings the client, up to 4000 characters. */
  chiefComplaints: string;
  /** Presenting complaints with their onset, at most 20. */
  complaints?: Array<IntakeComplaintInput> | null | undefined;
  /** Codes of the conditions found, from the condition catalog. */
  conditionCodes?: Array<string> | null | undefined;
  /** The client agrees that the clinic reports back to the referrer (default false). */
  consentToShareWithReferrer?: boolean | null | undefined;
  /** Informed consent to treatment was given. */
  consentToTreatment: boolean;
  /** Contraindications found at screening, each up to 200 characters. */
  contraindications?: Array<string> | null | undefined;
  /** Current health conditions, up to 4000 characters. */
  currentConditions?: string | null | undefined;
  /** The client's goals, up to 4000 characters. */
  goals?: string | null | undefined;
  /** Current medications, up to 4000 characters. */
  medications?: string | null | undefined;
  /** Tolerance of discomfort. */
  painTolerance?: PainTolerance | null | undefined;
  /** Past conditions, injuries, surgeries, up to 4000 characters. */
  pastConditions?: string | null | undefined;
  /** Set when the client is pregnant; null or absent when not. */
  pregnancy?: PregnancyInput | null | undefined;
  /** Preferred pressure. */
  pressurePreference?: PressurePreference | null | undefined;
  /** Red flags, each up to 200 characters. */
  redFlags?: Array<string> | null | undefined;
  /** Consent to research use of de-identified outcomes (default false). */
  researchConsent?: boolean | null | undefined;
  /** When the interview took place. */
  takenAt: string;
};

/** A single measured value, e.g. pain the client reports between sessions. */
export type RecordObservationInput = {
  /** The client measured. */
  clientId: string | number;
  /** When in the course of care it was taken. */
  context: ObservationContext;
  /** Code of the measure in the measure catalog, e.g. NPRS. */
  measureCode: string;
  /** A short note, up to 280 characters (e.g. "after gardening"); blank is no note. */
  note?: string | null | undefined;
  /** The proxy's relation to the client: required when reporter is PROXY, refused otherwise. */
  proxyRelation?: ProxyRelation | null | undefined;
  /** Body region code; required when the measure needs a region. */
  regionCode?: string | null | undefined;
  /** Who reported it. Staff: defaults to the client for pain and questionnaires, the therapist for what they measure. A portal account reports as itself (the client, or their proxy) and may only leave this out or repeat it. */
  reporter?: ReporterKind | null | undefined;
  /** The treatment series it belongs to, if any. */
  seriesId?: string | number | null | undefined;
  /** The session it was taken at, if any (then context is PRE_SESSION or POST_SESSION). */
  sessionId?: string | number | null | undefined;
  /** Side; required for a lateral region or a one-sided measure. */
  side?: Side | null | undefined;
  /** When it was measured (clinical time, not entry time). A client's own diary entry is for now or earlier today or yesterday in the clinic's time zone, never the future. */
  takenAt: string;
  /** The value, in the measure's unit and within its valid range. */
  value: number;
};

/** A visit, with the values measured before and after it and any questionnaires. */
export type RecordSessionInput = {
  /** The therapist has seen the client's unresolved red flags and treats anyway; required (true) for an attended visit while any are open. */
  acknowledgeRedFlags?: boolean | null | undefined;
  /** The appointment this visit was booked as, if any: its status follows the visit's attendance. */
  appointmentId?: string | number | null | undefined;
  /** Assessment notes, up to 8000 characters. */
  assessment?: string | null | undefined;
  /** Attended, cancelled or no-show. */
  attendance: Attendance;
  /** Hands-on minutes, 1-480 when attended, 0 otherwise. */
  durationMinutes: number;
  /** Techniques used. */
  modalities?: Array<Modality> | null | undefined;
  /** Objective notes, up to 8000 characters. */
  objective?: string | null | undefined;
  /** Values measured before and after the visit. */
  observations?: Array<SessionObservationInput> | null | undefined;
  /** Plan notes, up to 8000 characters. */
  plan?: string | null | undefined;
  /** Pressure 1 (very light) to 5 (very deep). */
  pressure?: number | null | undefined;
  /** Questionnaires completed at the visit. */
  questionnaireResponses?: Array<SessionQuestionnaireInput> | null | undefined;
  /** Regions worked on. */
  regions?: Array<TreatedRegionInput> | null | undefined;
  /** The series this visit belongs to. */
  seriesId: string | number;
  /** Start of the visit; not before the series start. */
  startedAt: string;
  /** Subjective notes, up to 8000 characters. */
  subjective?: string | null | undefined;
};

/** FINAL as recorded, AMENDED after a correction, ENTERED_IN_ERROR when it should never have been recorded. */
export type RecordStatus =
  | 'AMENDED'
  | 'ENTERED_IN_ERROR'
  | 'FINAL';

/** Who entered a value. */
export type RecorderRole =
  | 'CLIENT'
  | 'THERAPIST';

/** The client's referral; it replaces any earlier one. */
export type ReferralInput = {
  /** The referring clinician, up to 200 characters; required unless the source is SELF. */
  clinicianName?: string | null | undefined;
  /** Phone, email or address of the referrer, up to 500 characters. */
  contact?: string | null | undefined;
  /** Practice or organisation of the referrer, up to 200 characters. */
  organisation?: string | null | undefined;
  /** Why the client was referred, up to 4000 characters. */
  reason?: string | null | undefined;
  /** Date of the referral; not in the future. */
  referredOn?: string | null | undefined;
  /** Who referred the client. */
  source: ReferralSource;
};

/** Who referred the client: themself (SELF) or another clinician. */
export type ReferralSource =
  | 'CHIROPRACTOR'
  | 'OTHER'
  | 'PHYSICIAN'
  | 'PHYSIOTHERAPIST'
  | 'SELF';

/** APPOINTMENT: before an appointment, with a calendar file. DIARY_PROMPT: between visits, a link to the pain diary. */
export type ReminderKind =
  | 'APPOINTMENT'
  | 'DIARY_PROMPT';

/** SCHEDULED, SENDING, SENT; CANCELLED (no longer due), SKIPPED (opted out or no address), REFUSED (the address was refused for good), FAILED (retries used up). */
export type ReminderStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'REFUSED'
  | 'SCHEDULED'
  | 'SENDING'
  | 'SENT'
  | 'SKIPPED';

/** CLINICIAN: staff's report for a named recipient, with the therapist's notes; CLIENT: the client's own copy, without them. */
export type ReportAudience =
  | 'CLIENT'
  | 'CLINICIAN';

/** The therapist's assessment and plan for the series' progress report; both empty withdraws it. */
export type ReportSummaryInput = {
  /** Assessment: progress against the goals, in words, at most 4000 characters. */
  assessment?: string | null | undefined;
  /** Plan: what comes next, at most 4000 characters. */
  plan?: string | null | undefined;
};

/** Who reported a value: the client (self-report), a proxy for them, or the therapist observing. */
export type ReporterKind =
  /** The client about themselves (self-report). */
  | 'CLIENT'
  /** A parent, guardian or caregiver on behalf of the client (proxyRelation says who). */
  | 'PROXY'
  /** The therapist, observing or measuring. */
  | 'THERAPIST';

/** ADMIN runs a clinic, THERAPIST treats its clients, CLIENT sees their own care, RESEARCHER sees aggregates only. */
export type Role =
  | 'ADMIN'
  | 'CLIENT'
  | 'RESEARCHER'
  | 'THERAPIST';

/** Where a treatment series stands. */
export type SeriesStatus =
  | 'ACTIVE'
  | 'COMPLETED'
  | 'DISCONTINUED';

/** A value measured during a session, recorded together with the session. */
export type SessionObservationInput = {
  /** PRE_SESSION or POST_SESSION. */
  context: ObservationContext;
  /** Code of the measure in the measure catalog, e.g. NPRS. */
  measureCode: string;
  /** The proxy's relation to the client: required when reporter is PROXY, refused otherwise. */
  proxyRelation?: ProxyRelation | null | undefined;
  /** Body region code; required when the measure needs a region. */
  regionCode?: string | null | undefined;
  /** Who reported it. Staff: defaults to the client for pain and questionnaires, the therapist for what they measure. A portal account reports as itself (the client, or their proxy) and may only leave this out or repeat it. */
  reporter?: ReporterKind | null | undefined;
  /** Side; required for a lateral region or a one-sided measure. */
  side?: Side | null | undefined;
  /** When it was measured; defaults to the session start (pre) or end (post). */
  takenAt?: string | null | undefined;
  /** The value, in the measure's unit and within its valid range. */
  value: number;
};

/** A questionnaire completed at a session. */
export type SessionQuestionnaireInput = {
  /** The answers, one per item. */
  answers: Array<AnswerInput>;
  /** When it was completed; defaults to the session start. */
  completedAt?: string | null | undefined;
  /** Instrument code, e.g. ODI. */
  instrumentCode: string;
  /** The proxy's relation to the client: required when reporter is PROXY, refused otherwise. */
  proxyRelation?: ProxyRelation | null | undefined;
  /** Who reported it. Staff: defaults to the client for pain and questionnaires, the therapist for what they measure. A portal account reports as itself (the client, or their proxy) and may only leave this out or repeat it. */
  reporter?: ReporterKind | null | undefined;
};

/** Administrative sex (FHIR AdministrativeGender). */
export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'OTHER'
  | 'UNKNOWN';

/** Left or right side of the body. */
export type Side =
  | 'LEFT'
  | 'RIGHT';

/** A new treatment series. */
export type StartSeriesInput = {
  /** The client treated. */
  clientId: string | number;
  /** Condition code from the condition catalog. */
  conditionCode: string;
  /** Goals of the series, up to 4000 characters. */
  goals?: string | null | undefined;
  /** Code of the measure the series is judged by (measure catalog), shown first. */
  headlineMeasureCode?: string | null | undefined;
  /** Minutes planned per session, 5-240. */
  plannedMinutesPerSession: number;
  /** Sessions planned, 1-200. */
  plannedSessions: number;
  /** Sessions planned per week, 0.25-7. */
  plannedSessionsPerWeek: number;
  /** First day of the series; at most a year ahead. */
  startDate: string;
};

/** A questionnaire completed outside a session, or recorded on its own. */
export type SubmitQuestionnaireInput = {
  /** The answers, one per item. */
  answers: Array<AnswerInput>;
  /** The client who answered. */
  clientId: string | number;
  /** When it was completed (clinical time). */
  completedAt: string;
  /** Instrument code, e.g. ODI. */
  instrumentCode: string;
  /** The proxy's relation to the client: required when reporter is PROXY, refused otherwise. */
  proxyRelation?: ProxyRelation | null | undefined;
  /** Who reported it. Staff: defaults to the client for pain and questionnaires, the therapist for what they measure. A portal account reports as itself (the client, or their proxy) and may only leave this out or repeat it. */
  reporter?: ReporterKind | null | undefined;
  /** The series it belongs to, if any. */
  seriesId?: string | number | null | undefined;
};

/** A body region worked on. */
export type TreatedRegionInput = {
  /** Minutes on this region, if recorded. */
  minutes?: number | null | undefined;
  /** Body region code. */
  regionCode: string;
  /** LEFT, RIGHT or BOTH; required for a lateral region. */
  side?: TreatedSide | null | undefined;
};

/** Side of a lateral region that was treated. */
export type TreatedSide =
  | 'BOTH'
  | 'LEFT'
  | 'RIGHT';

/** Changes to a client; omitted fields stay as they are. */
export type UpdateClientInput = {
  /** Date of birth, not in the future. */
  dateOfBirth?: string | null | undefined;
  /** Email address; an empty string clears it. */
  email?: string | null | undefined;
  /** Family (last) name, 1-100 characters. */
  familyName?: string | null | undefined;
  /** Given (first) name, 1-100 characters. */
  givenName?: string | null | undefined;
  /** Phone number; an empty string clears it. */
  phone?: string | null | undefined;
  /** Preferred language, a BCP 47 tag such as `en` or `fr-CA`; an empty string clears it. */
  preferredLanguage?: string | null | undefined;
  /** A new current referral; null or absent leaves the referral unchanged. */
  referral?: ReferralInput | null | undefined;
  /** Administrative sex. */
  sex?: Sex | null | undefined;
};

/** Changes to the plan of a series; omitted fields stay as they are. */
export type UpdateSeriesInput = {
  /** Condition code from the condition catalog. */
  conditionCode?: string | null | undefined;
  /** Goals of the series, up to 4000 characters; an empty string clears them. */
  goals?: string | null | undefined;
  /** Code of the measure the series is judged by (measure catalog); an empty string clears it. */
  headlineMeasureCode?: string | null | undefined;
  /** Minutes planned per session, 5-240. */
  plannedMinutesPerSession?: number | null | undefined;
  /** Sessions planned, 1-200. */
  plannedSessions?: number | null | undefined;
  /** Sessions planned per week, 0.25-7. */
  plannedSessionsPerWeek?: number | null | undefined;
  /** First day; not after the first recorded session. */
  startDate?: string | null | undefined;
};

/** A day of the week. */
export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

/** Whether an instrument's items show its published wording (its licence allows it) or a paraphrase written for Fascia. */
export type WordingSource =
  | 'PARAPHRASED'
  | 'PUBLISHED';

export type AdminAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminAccountsQuery = { accounts: Array<{ id: string, email: string, name: string | null, role: Role, status: AccountStatus, createdAt: string, lastSignInAt: string | null, disabledAt: string | null, activeSessions: number, therapist: { id: string, givenName: string, familyName: string } | null, client: { id: string, displayName: string } | null, apiTokens: Array<{ id: string, name: string, createdAt: string, expiresAt: string, lastUsedAt: string }> }>, pendingInvites: Array<{ id: string, email: string, role: Role, therapistName: string | null, createdAt: string, expiresAt: string, client: { id: string, displayName: string } | null }> };

export type AdminAccountFieldsFragment = { id: string, email: string, name: string | null, role: Role, status: AccountStatus, createdAt: string, lastSignInAt: string | null, disabledAt: string | null, activeSessions: number, therapist: { id: string, givenName: string, familyName: string } | null, client: { id: string, displayName: string } | null, apiTokens: Array<{ id: string, name: string, createdAt: string, expiresAt: string, lastUsedAt: string }> };

export type DisableAccountMutationVariables = Exact<{
  accountId: string | number;
}>;


export type DisableAccountMutation = { disableAccount: { id: string, email: string, name: string | null, role: Role, status: AccountStatus, createdAt: string, lastSignInAt: string | null, disabledAt: string | null, activeSessions: number, therapist: { id: string, givenName: string, familyName: string } | null, client: { id: string, displayName: string } | null, apiTokens: Array<{ id: string, name: string, createdAt: string, expiresAt: string, lastUsedAt: string }> } };

export type EnableAccountMutationVariables = Exact<{
  accountId: string | number;
}>;


export type EnableAccountMutation = { enableAccount: { id: string, email: string, name: string | null, role: Role, status: AccountStatus, createdAt: string, lastSignInAt: string | null, disabledAt: string | null, activeSessions: number, therapist: { id: string, givenName: string, familyName: string } | null, client: { id: string, displayName: string } | null, apiTokens: Array<{ id: string, name: string, createdAt: string, expiresAt: string, lastUsedAt: string }> } };

export type RevokeAccountApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeAccountApiTokenMutation = { revokeAccountApiToken: { id: string, revokedAt: string | null } };

export type FindClientsQueryVariables = Exact<{
  search: string;
}>;


export type FindClientsQuery = { clients: { edges: Array<{ node: { id: string, displayName: string, dateOfBirth: string } }> } };

export type AuditTrailQueryVariables = Exact<{
  clientId?: string | number | null | undefined;
  accountId?: string | number | null | undefined;
  operation?: string | null | undefined;
  refused?: boolean | null | undefined;
  fromDate?: string | null | undefined;
  toDate?: string | null | undefined;
  after?: string | null | undefined;
  first: number;
}>;


export type AuditTrailQuery = { auditTrail: Array<{ id: string, at: string, accountId: string | null, accountEmail: string | null, role: string, operation: string, clientId: string | null, outcome: AuditOutcome, address: string | null, requestedIds: Array<string>, moreRequestedIds: number, cursor: string }> };

export type AuditAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditAccountsQuery = { accounts: Array<{ id: string, email: string, role: Role }> };

export type SetResearchParticipationMutationVariables = Exact<{
  optIn: boolean;
}>;


export type SetResearchParticipationMutation = { setResearchParticipation: { id: string, name: string, timeZone: string, locale: string, noChangeAfterSessions: number, researchParticipationSince: string | null, clientApiTokensAllowed: boolean } };

export type MyApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type MyApiTokensQuery = { apiTokens: Array<{ id: string, name: string, createdAt: string, expiresAt: string, lastUsedAt: string }>, apiTokenPolicy: { allowed: boolean, reason: string | null, maxDays: number, defaultDays: number, idleDays: number } };

export type ApiTokenFieldsFragment = { id: string, name: string, createdAt: string, expiresAt: string, lastUsedAt: string };

export type CreateApiTokenMutationVariables = Exact<{
  name: string;
  expiresInDays: number;
}>;


export type CreateApiTokenMutation = { createApiToken: { token: string, apiToken: { id: string, name: string, createdAt: string, expiresAt: string, lastUsedAt: string } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { id: string } };

export type CalendarAppointmentFragment = { id: string, startsAt: string, endsAt: string, localDate: string, localTime: string, minutes: number, status: AppointmentStatus, seriesId: string, sessionId: string | null, needsSession: boolean, cancelledBy: Canceller | null, lateCancellation: boolean | null, cancelRequestedAt: string | null, cancelRequestReason: string | null };

export type CalendarQueryVariables = Exact<{
  from: string;
  to: string;
  therapistId?: string | number | null | undefined;
}>;


export type CalendarQuery = { calendar: Array<{ id: string, startsAt: string, endsAt: string, localDate: string, localTime: string, minutes: number, status: AppointmentStatus, seriesId: string, sessionId: string | null, needsSession: boolean, cancelledBy: Canceller | null, lateCancellation: boolean | null, cancelRequestedAt: string | null, cancelRequestReason: string | null, client: { id: string, displayName: string }, therapist: { id: string, givenName: string, familyName: string } }> };

export type ClinicTherapistsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClinicTherapistsQuery = { clinicTherapists: Array<{ id: string, givenName: string, familyName: string }> };

export type SeriesAppointmentsQueryVariables = Exact<{
  id: string | number;
}>;


export type SeriesAppointmentsQuery = { series: { id: string, status: SeriesStatus, startDate: string, plannedMinutesPerSession: number, appointments: Array<{ id: string, startsAt: string, endsAt: string, localDate: string, localTime: string, minutes: number, status: AppointmentStatus, seriesId: string, sessionId: string | null, needsSession: boolean, cancelledBy: Canceller | null, lateCancellation: boolean | null, cancelRequestedAt: string | null, cancelRequestReason: string | null }> } };

export type BookPlanMutationVariables = Exact<{
  input: BookPlanInput;
}>;


export type BookPlanMutation = { bookPlan: Array<{ id: string }> };

export type CancelAppointmentMutationVariables = Exact<{
  id: string | number;
  byClient: boolean;
  reason?: string | null | undefined;
}>;


export type CancelAppointmentMutation = { cancelAppointment: { id: string, status: AppointmentStatus } };

export type DeclineAppointmentCancellationMutationVariables = Exact<{
  id: string | number;
}>;


export type DeclineAppointmentCancellationMutation = { declineAppointmentCancellation: { id: string } };

export type MarkAppointmentMutationVariables = Exact<{
  id: string | number;
  status: AppointmentStatus;
}>;


export type MarkAppointmentMutation = { markAppointment: { id: string, status: AppointmentStatus } };

export type NextVisitQueryVariables = Exact<{ [key: string]: never; }>;


export type NextVisitQuery = { viewer: { client: { id: string, nextAppointment: { id: string, startsAt: string, minutes: number, cancelRequestedAt: string | null, therapist: { givenName: string, familyName: string } } | null } | null } };

export type RequestAppointmentCancellationMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type RequestAppointmentCancellationMutation = { requestAppointmentCancellation: { id: string, cancelRequestedAt: string | null } };

export type CaseloadQueryVariables = Exact<{
  flag?: CaseloadFlag | null | undefined;
  sort: CaseloadSort;
  after?: string | null | undefined;
}>;


export type CaseloadQuery = { caseload: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { flags: Array<CaseloadFlag>, attendedSessions: number, lastVisitAt: string | null, headlineMeasureCode: string, headline: { regionCode: string | null, side: string | null, baseline: number, latest: number, change: number, mcidReached: boolean | null } | null, expectedChange: { withheldReason: ExpectedChangeWithheld | null, performance: number | null }, series: { id: string, plannedSessions: number, condition: { name: string }, observations: Array<{ sessionId: string | null, measureCode: string, context: ObservationContext, regionCode: string | null, side: Side | null, value: number }>, client: { id: string, displayName: string }, nextAppointment: { id: string, startsAt: string } | null } } }> }, measures: Array<{ code: string, name: string, unitLabel: string, min: number, max: number, decimals: number, direction: MeasureDirection }>, bodyRegions: Array<{ code: string, name: string }> };

export type ClientListQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ClientListQuery = { clients: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { id: string, displayName: string, dateOfBirth: string, series: Array<{ id: string, status: SeriesStatus }> } }> } };

export type ClientSeriesQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientSeriesQuery = { client: { id: string, displayName: string, dateOfBirth: string, sex: Sex, email: string | null, phone: string | null, preferredLanguage: string | null, unresolvedRedFlags: Array<string>, contraindications: Array<string>, referral: { source: ReferralSource, clinicianName: string | null, organisation: string | null, contact: string | null, reason: string | null, referredOn: string | null } | null, intake: { takenAt: string, chiefComplaints: string, conditionCodes: Array<string>, currentConditions: string | null, pastConditions: string | null, goals: string | null, medications: string | null, contraindications: Array<string>, redFlags: Array<string>, redFlagsResolvedAt: string | null, redFlagsResolutionNote: string | null, pressurePreference: PressurePreference | null, painTolerance: PainTolerance | null, consentToTreatment: boolean, consentToShareWithReferrer: boolean, researchConsent: boolean, complaints: Array<{ description: string, onsetDate: string | null, onset: ComplaintOnset | null, durationWeeks: number | null }> } | null, series: Array<{ id: string, conditionCode: string, status: SeriesStatus, startDate: string, endDate: string | null, plannedSessions: number, condition: { name: string }, sessions: Array<{ id: string, startedAt: string, attendance: Attendance }> }> }, conditions: Array<{ code: string, name: string }> };

export type ClinicSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClinicSettingsQuery = { viewer: { clinic: { id: string, name: string, timeZone: string, locale: string, noChangeAfterSessions: number, researchParticipationSince: string | null, clientApiTokensAllowed: boolean } | null } };

export type UpdateClinicSettingsMutationVariables = Exact<{
  input: ClinicSettingsInput;
}>;


export type UpdateClinicSettingsMutation = { updateClinicSettings: { id: string, name: string, timeZone: string, locale: string, noChangeAfterSessions: number, researchParticipationSince: string | null, clientApiTokensAllowed: boolean } };

export type ClinicSettingsFieldsFragment = { id: string, name: string, timeZone: string, locale: string, noChangeAfterSessions: number, researchParticipationSince: string | null, clientApiTokensAllowed: boolean };

export type InviteTherapistMutationVariables = Exact<{
  email: string;
  givenName: string;
  familyName: string;
  registrationNumber?: string | null | undefined;
}>;


export type InviteTherapistMutation = { inviteTherapist: { id: string, email: string, expiresAt: string, token: string } };

export type MarkSessionEnteredInErrorMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type MarkSessionEnteredInErrorMutation = { markSessionEnteredInError: { id: string, status: RecordStatus } };

export type MarkObservationEnteredInErrorMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type MarkObservationEnteredInErrorMutation = { markObservationEnteredInError: { id: string, status: RecordStatus } };

export type MarkQuestionnaireResponseEnteredInErrorMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type MarkQuestionnaireResponseEnteredInErrorMutation = { markQuestionnaireResponseEnteredInError: { id: string, status: RecordStatus } };

export type AmendObservationMutationVariables = Exact<{
  id: string | number;
  input: AmendObservationInput;
}>;


export type AmendObservationMutation = { amendObservation: { id: string, status: RecordStatus, value: number } };

export type MyDiaryEntriesQueryVariables = Exact<{
  measureCode: string;
}>;


export type MyDiaryEntriesQuery = { viewer: { client: { id: string, series: Array<{ id: string, observations: Array<{ id: string, context: ObservationContext, recordedByRole: RecorderRole, recordedAt: string, takenAt: string, value: number, regionCode: string | null, side: Side | null, note: string | null, sessionId: string | null }> }> } | null }, measures: Array<{ code: string, name: string, kind: MeasureKind, unitLabel: string, decimals: number, direction: MeasureDirection, mcid: number | null, min: number, max: number }>, bodyRegions: Array<{ code: string, name: string }> };

export type ExpectedChangeQueryVariables = Exact<{
  seriesId: string | number;
  measureCode: string;
}>;


export type ExpectedChangeQuery = { series: { id: string, expectedChange: { measureCode: string, withheldReason: ExpectedChangeWithheld | null, baseline: number | null, baselineVisit: number | null, sentence: string | null, performance: number | null, latestVisit: number | null, points: Array<{ visit: number, change: number, low: number, high: number }> } | null } };

export type ClientFormQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientFormQuery = { client: { id: string, displayName: string, givenName: string, familyName: string, dateOfBirth: string, sex: Sex, email: string | null, phone: string | null, preferredLanguage: string | null, referral: { source: ReferralSource, clinicianName: string | null, organisation: string | null, contact: string | null, reason: string | null, referredOn: string | null } | null } };

export type CreateClientMutationVariables = Exact<{
  input: CreateClientInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateClientMutation = { createClient: { id: string } };

export type UpdateClientMutationVariables = Exact<{
  id: string | number;
  input: UpdateClientInput;
}>;


export type UpdateClientMutation = { updateClient: { id: string } };

export type IntakeFormQueryVariables = Exact<{
  clientId: string | number;
}>;


export type IntakeFormQuery = { client: { id: string, displayName: string }, conditions: Array<{ code: string, name: string }>, pregnancyCautions: Array<{ code: string, kind: PregnancyCautionKind, text: string }> };

export type RecordIntakeMutationVariables = Exact<{
  clientId: string | number;
  input: RecordIntakeInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordIntakeMutation = { recordIntake: { id: string } };

export type ResolveRedFlagsMutationVariables = Exact<{
  clientId: string | number;
  note: string;
}>;


export type ResolveRedFlagsMutation = { resolveRedFlags: { id: string, redFlagsResolvedAt: string | null } };

export type InviteClientMutationVariables = Exact<{
  clientId: string | number;
  email: string;
}>;


export type InviteClientMutation = { inviteClient: { id: string, email: string, expiresAt: string, token: string } };

export type AcceptInviteMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type AcceptInviteMutation = { acceptInvite: { role: Role } };

export type MyProgressQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProgressQuery = { viewer: { client: { id: string, displayName: string, series: Array<{ id: string, status: SeriesStatus, startDate: string, endDate: string | null, plannedSessions: number, plannedSessionsPerWeek: number, condition: { name: string }, sessions: Array<{ id: string, startedAt: string, attendance: Attendance }>, progress: { measures: Array<{ measureCode: string, regionCode: string | null, side: string | null, baseline: number, latest: number, change: number, points: number }>, diary: Array<{ measureCode: string, regionCode: string | null, side: string | null, baseline: number, latest: number, change: number, points: number }>, attendance: { attended: number, plannedSessions: number, plannedPerWeek: number } } }> } | null }, measures: Array<{ code: string, name: string, kind: MeasureKind, unitLabel: string, decimals: number, direction: MeasureDirection, mcid: number | null, min: number, max: number }>, bodyRegions: Array<{ code: string, name: string, lateral: boolean }> };

export type RecordDiaryEntryMutationVariables = Exact<{
  input: RecordObservationInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordDiaryEntryMutation = { recordObservation: { id: string, value: number, takenAt: string, note: string | null } };

export type PlainProgressFragment = { measureCode: string, regionCode: string | null, side: string | null, baseline: number, latest: number, change: number, points: number };

export type MyRecordAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRecordAccessQuery = { myRecordAccess: Array<{ id: string, at: string, role: string, operation: string, outcome: AuditOutcome, actorName: string | null, byViewer: boolean }> };

export type SessionFormQueryVariables = Exact<{
  seriesId: string | number;
}>;


export type SessionFormQuery = { series: { id: string, startDate: string, plannedMinutesPerSession: number, client: { id: string, displayName: string, unresolvedRedFlags: Array<string>, contraindications: Array<string> }, condition: { name: string, suggestedMeasureCodes: Array<string>, suggestedInstrumentCodes: Array<string> } }, measures: Array<{ code: string, name: string, kind: MeasureKind, unitLabel: string, min: number, max: number, decimals: number, requiresRegion: boolean, requiresSide: boolean }>, bodyRegions: Array<{ code: string, name: string, lateral: boolean }>, instruments: Array<{ code: string, name: string, wording: WordingSource, licence: string, items: Array<{ code: string, label: string, question: string, min: number, max: number, optionalModule: string | null, requiresLabel: boolean, answerOptions: Array<{ value: number, text: string | null }> }> }> };

export type RecordSessionMutationVariables = Exact<{
  input: RecordSessionInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordSessionMutation = { recordSession: { id: string, seriesId: string } };

export type SubmitQuestionnaireMutationVariables = Exact<{
  input: SubmitQuestionnaireInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitQuestionnaireMutation = { submitQuestionnaireResponse: { id: string, score: number } };

export type QuestionnaireFormQueryVariables = Exact<{
  clientId: string | number;
}>;


export type QuestionnaireFormQuery = { client: { id: string, displayName: string, series: Array<{ id: string, status: SeriesStatus, condition: { name: string, suggestedInstrumentCodes: Array<string> } }> }, instruments: Array<{ code: string, name: string, wording: WordingSource, licence: string, items: Array<{ code: string, label: string, question: string, min: number, max: number, optionalModule: string | null, requiresLabel: boolean, answerOptions: Array<{ value: number, text: string | null }> }> }> };

export type InstrumentFieldsFragment = { code: string, name: string, wording: WordingSource, licence: string, items: Array<{ code: string, label: string, question: string, min: number, max: number, optionalModule: string | null, requiresLabel: boolean, answerOptions: Array<{ value: number, text: string | null }> }> };

export type MyReminderPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyReminderPreferencesQuery = { myReminderPreferences: { optedOut: boolean, optedOutAt: string | null } };

export type SetMyReminderOptOutMutationVariables = Exact<{
  optOut: boolean;
}>;


export type SetMyReminderOptOutMutation = { setMyReminderOptOut: { optedOut: boolean, optedOutAt: string | null } };

export type ReminderNoticesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReminderNoticesQuery = { reminderNotices: Array<{ id: string, clientId: string, clientName: string, kind: ReminderKind, status: ReminderStatus, recipient: string | null, problem: string | null, dueAt: string }> };

export type AcknowledgeReminderNoticeMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeReminderNoticeMutation = { acknowledgeReminderNotice: { id: string } };

export type ReportSummaryQueryVariables = Exact<{
  seriesId: string | number;
}>;


export type ReportSummaryQuery = { series: { id: string, reportSummary: { assessment: string | null, plan: string | null, writtenAt: string, writtenBy: string } | null } };

export type WriteReportSummaryMutationVariables = Exact<{
  seriesId: string | number;
  input: ReportSummaryInput;
}>;


export type WriteReportSummaryMutation = { writeReportSummary: { id: string, reportSummary: { assessment: string | null, plan: string | null, writtenAt: string, writtenBy: string } | null } };

export type ReportSummaryFieldsFragment = { assessment: string | null, plan: string | null, writtenAt: string, writtenBy: string };

export type ResearchCatalogsQueryVariables = Exact<{ [key: string]: never; }>;


export type ResearchCatalogsQuery = { measures: Array<{ code: string, name: string, kind: MeasureKind, unitLabel: string, min: number, max: number, decimals: number, direction: MeasureDirection, mcid: number | null }>, conditions: Array<{ code: string, name: string }>, researchClinics: Array<{ id: string, name: string }> };

export type OutcomeCellFieldsFragment = { suppressed: boolean, n: number | null, baselineMean: number | null, baselineSd: number | null, meanChange: number | null, meanChangeCiLow: number | null, meanChangeCiHigh: number | null, changeSd: number | null, effectSize: number | null, standardizedResponseMean: number | null, responderRate: number | null, responderRateCiLow: number | null, responderRateCiHigh: number | null };

export type DoseBandFieldsFragment = { key: string, label: string, outcome: { suppressed: boolean, n: number | null, baselineMean: number | null, baselineSd: number | null, meanChange: number | null, meanChangeCiLow: number | null, meanChangeCiHigh: number | null, changeSd: number | null, effectSize: number | null, standardizedResponseMean: number | null, responderRate: number | null, responderRateCiLow: number | null, responderRateCiHigh: number | null } };

export type MeanCellFieldsFragment = { suppressed: boolean, n: number | null, mean: number | null, sd: number | null, ciLow: number | null, ciHigh: number | null };

export type CohortOutcomesQueryVariables = Exact<{
  measureCode: string;
  filter?: CohortFilterInput | null | undefined;
}>;


export type CohortOutcomesQuery = { cohortOutcomes: { measureCode: string, unit: string, direction: number, mcid: number | null, minCellSize: number, overall: { suppressed: boolean, n: number | null, baselineMean: number | null, baselineSd: number | null, meanChange: number | null, meanChangeCiLow: number | null, meanChangeCiHigh: number | null, changeSd: number | null, effectSize: number | null, standardizedResponseMean: number | null, responderRate: number | null, responderRateCiLow: number | null, responderRateCiHigh: number | null }, withinSession: { suppressed: boolean, n: number | null, mean: number | null, sd: number | null, ciLow: number | null, ciHigh: number | null }, visits: Array<{ visitNumber: number, value: { suppressed: boolean, n: number | null, mean: number | null, sd: number | null, ciLow: number | null, ciHigh: number | null } }>, histogram: Array<{ from: number, to: number, n: number | null, suppressed: boolean }>, doseResponse: { totalMinutes: Array<{ key: string, label: string, outcome: { suppressed: boolean, n: number | null, baselineMean: number | null, baselineSd: number | null, meanChange: number | null, meanChangeCiLow: number | null, meanChangeCiHigh: number | null, changeSd: number | null, effectSize: number | null, standardizedResponseMean: number | null, responderRate: number | null, responderRateCiLow: number | null, responderRateCiHigh: number | null } }>, sessionsPerWeek: Array<{ key: string, label: string, outcome: { suppressed: boolean, n: number | null, baselineMean: number | null, baselineSd: number | null, meanChange: number | null, meanChangeCiLow: number | null, meanChangeCiHigh: number | null, changeSd: number | null, effectSize: number | null, standardizedResponseMean: number | null, responderRate: number | null, responderRateCiLow: number | null, responderRateCiHigh: number | null } }>, mainModality: Array<{ key: string, label: string, outcome: { suppressed: boolean, n: number | null, baselineMean: number | null, baselineSd: number | null, meanChange: number | null, meanChangeCiLow: number | null, meanChangeCiHigh: number | null, changeSd: number | null, effectSize: number | null, standardizedResponseMean: number | null, responderRate: number | null, responderRateCiLow: number | null, responderRateCiHigh: number | null } }>, minutesSlope: { suppressed: boolean, n: number | null, slopePerMinute: number | null, ciLow: number | null, ciHigh: number | null } } } };

export type CohortComparisonQueryVariables = Exact<{
  measureCode: string;
  a: CohortFilterInput;
  b: CohortFilterInput;
}>;


export type CohortComparisonQuery = { cohortComparison: { measureCode: string, minCellSize: number, a: { suppressed: boolean, n: number | null, baselineMean: number | null, baselineSd: number | null, meanChange: number | null, meanChangeCiLow: number | null, meanChangeCiHigh: number | null, changeSd: number | null, effectSize: number | null, standardizedResponseMean: number | null, responderRate: number | null, responderRateCiLow: number | null, responderRateCiHigh: number | null }, b: { suppressed: boolean, n: number | null, baselineMean: number | null, baselineSd: number | null, meanChange: number | null, meanChangeCiLow: number | null, meanChangeCiHigh: number | null, changeSd: number | null, effectSize: number | null, standardizedResponseMean: number | null, responderRate: number | null, responderRateCiLow: number | null, responderRateCiHigh: number | null }, difference: { suppressed: boolean, estimate: number | null, ciLow: number | null, ciHigh: number | null } } };

export type SeriesPageQueryVariables = Exact<{
  seriesId: string | number;
}>;


export type SeriesPageQuery = { series: { id: string, status: SeriesStatus, startDate: string, endDate: string | null, goals: string | null, plannedSessions: number, plannedSessionsPerWeek: number, dischargeReason: DischargeReason | null, dischargeNote: string | null, headlineMeasure: { name: string } | null, client: { id: string, displayName: string, unresolvedRedFlags: Array<string>, contraindications: Array<string> }, condition: { name: string }, sessions: Array<{ id: string, startedAt: string, attendance: Attendance }>, observations: Array<{ id: string, sessionId: string | null, measureCode: string, context: ObservationContext, regionCode: string | null, side: Side | null, value: number, takenAt: string, reportedBy: string }>, questionnaireResponses: Array<{ id: string, instrumentCode: string, completedAt: string, score: number, reportedBy: string }>, progress: { attendance: { attended: number, cancelled: number, noShows: number, expectedByNow: number, plannedSessions: number, plannedPerWeek: number, weeksElapsed: number } } }, measures: Array<{ code: string, name: string, kind: MeasureKind, unit: string, unitLabel: string, min: number, max: number, decimals: number, direction: MeasureDirection, mcid: number | null, severityBands: Array<{ min: number, max: number, label: string }> }>, bodyRegions: Array<{ code: string, name: string }> };

export type StartSeriesFormQueryVariables = Exact<{
  clientId: string | number;
}>;


export type StartSeriesFormQuery = { client: { id: string, displayName: string }, conditions: Array<{ code: string, name: string, headlineMeasureCode: string }>, measures: Array<{ code: string, name: string, kind: MeasureKind }> };

export type SeriesPlanQueryVariables = Exact<{
  seriesId: string | number;
}>;


export type SeriesPlanQuery = { series: { id: string, status: SeriesStatus, conditionCode: string, plannedSessions: number, plannedSessionsPerWeek: number, plannedMinutesPerSession: number, startDate: string, goals: string | null, headlineMeasureCode: string | null, client: { id: string, displayName: string }, condition: { name: string } }, conditions: Array<{ code: string, name: string, headlineMeasureCode: string }>, measures: Array<{ code: string, name: string, kind: MeasureKind }> };

export type SeriesPlanCatalogsFragment = { conditions: Array<{ code: string, name: string, headlineMeasureCode: string }>, measures: Array<{ code: string, name: string, kind: MeasureKind }> };

export type StartSeriesMutationVariables = Exact<{
  input: StartSeriesInput;
  idempotencyKey?: string | null | undefined;
}>;


export type StartSeriesMutation = { startSeries: { id: string } };

export type UpdateSeriesMutationVariables = Exact<{
  id: string | number;
  input: UpdateSeriesInput;
}>;


export type UpdateSeriesMutation = { updateSeries: { id: string } };

export type CloseSeriesMutationVariables = Exact<{
  id: string | number;
  input: CloseSeriesInput;
}>;


export type CloseSeriesMutation = { closeSeries: { id: string } };

export type SeriesReportQueryVariables = Exact<{
  seriesId: string | number;
  from?: string | null | undefined;
  to?: string | null | undefined;
  recipient?: string | null | undefined;
}>;


export type SeriesReportQuery = { series: { id: string, client: { id: string }, report: { seriesId: string, audience: ReportAudience, recipient: string | null, generatedAt: string, from: string, to: string, partial: boolean, clinicName: string, therapistName: string, therapistRegistration: string | null, clientName: string, clientDateOfBirth: string, conditionName: string, icd10: string, goals: string | null, plannedSessions: number, plannedSessionsPerWeek: number, plannedMinutesPerSession: number, seriesStartDate: string, seriesEndDate: string | null, seriesStatus: string, missing: Array<string>, assessment: string | null, plan: string | null, notesVisitAt: string | null, summaryWrittenAt: string | null, summaryWrittenBy: string | null, referral: { source: ReferralSource, clinicianName: string | null, organisation: string | null, reason: string | null, referredOn: string | null } | null, progress: { attendance: { plannedSessions: number, attended: number, cancelled: number, noShows: number, weeksElapsed: number, expectedByNow: number, plannedPerWeek: number, attendedPerWeek: number }, dose: { totalMinutes: number } }, measures: Array<{ label: string, unitLabel: string, decimals: number, mcidInWords: string, baselineBand: string | null, latestBand: string | null, progress: { measureCode: string, baseline: number, baselineAt: string, latest: number, latestAt: string, change: number, percentChange: number | null, slopePerWeek: number | null, trendPoints: number, meanSessionChange: number | null, sessionChanges: Array<{ sessionId: string }> }, points: Array<{ takenAt: string, value: number, context: string }> }>, diary: Array<{ label: string, unitLabel: string, decimals: number, mcidInWords: string, baselineBand: string | null, latestBand: string | null, progress: { measureCode: string, baseline: number, baselineAt: string, latest: number, latestAt: string, change: number, percentChange: number | null, slopePerWeek: number | null, trendPoints: number, meanSessionChange: number | null, sessionChanges: Array<{ sessionId: string }> }, points: Array<{ takenAt: string, value: number, context: string }> }>, doseByModality: Array<{ label: string, minutes: number, sessions: number }>, doseByRegion: Array<{ label: string, minutes: number, sessions: number }> } } };

export type ReportMeasureRowFragment = { label: string, unitLabel: string, decimals: number, mcidInWords: string, baselineBand: string | null, latestBand: string | null, progress: { measureCode: string, baseline: number, baselineAt: string, latest: number, latestAt: string, change: number, percentChange: number | null, slopePerWeek: number | null, trendPoints: number, meanSessionChange: number | null, sessionChanges: Array<{ sessionId: string }> }, points: Array<{ takenAt: string, value: number, context: string }> };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { signIn: { role: Role, expiresAt: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: Role, proxyRelation: ProxyRelation | null, therapist: { id: string, givenName: string, familyName: string } | null, client: { id: string, displayName: string } | null, clinic: { id: string, name: string, timeZone: string, clientApiTokensAllowed: boolean } | null } };

export type VisitHistoryQueryVariables = Exact<{
  seriesId: string | number;
}>;


export type VisitHistoryQuery = { series: { id: string, status: SeriesStatus, startDate: string, endDate: string | null, client: { id: string, displayName: string }, condition: { name: string }, sessions: Array<{ id: string, startedAt: string, durationMinutes: number, attendance: Attendance, modalities: Array<Modality>, pressure: number | null, status: RecordStatus, regions: Array<{ regionCode: string, side: TreatedSide | null, minutes: number | null }>, soap: { subjective: string | null, objective: string | null, assessment: string | null, plan: string | null } | null, enteredInError: { at: string, byName: string, byRole: Role, reason: string } | null, revisions: Array<{ kind: CorrectionKind, at: string, byName: string, byRole: Role, reason: string, changes: Array<{ field: string, before: string | null, after: string | null }> }> }>, observations: Array<{ id: string, sessionId: string | null, measureCode: string, context: ObservationContext, regionCode: string | null, side: Side | null, value: number, takenAt: string, questionnaireResponseId: string | null, status: RecordStatus, enteredInError: { at: string, byName: string, byRole: Role, reason: string } | null, revisions: Array<{ kind: CorrectionKind, at: string, byName: string, byRole: Role, reason: string, changes: Array<{ field: string, before: string | null, after: string | null }> }> }>, questionnaireResponses: Array<{ id: string, sessionId: string | null, instrumentCode: string, completedAt: string, score: number, answeredItems: number, missingItems: number, status: RecordStatus, subscores: Array<{ code: string, name: string, score: number }>, enteredInError: { at: string, byName: string, byRole: Role, reason: string } | null, revisions: Array<{ kind: CorrectionKind, at: string, byName: string, byRole: Role, reason: string, changes: Array<{ field: string, before: string | null, after: string | null }> }> }> }, measures: Array<{ code: string, name: string, kind: MeasureKind, unitLabel: string, min: number, max: number, decimals: number }>, bodyRegions: Array<{ code: string, name: string }>, instruments: Array<{ code: string, name: string, scoreMeasureCode: string }> };

export type CorrectionFragment = { at: string, byName: string, byRole: Role, reason: string };

export type RevisionFragment = { kind: CorrectionKind, at: string, byName: string, byRole: Role, reason: string, changes: Array<{ field: string, before: string | null, after: string | null }> };

export type SessionCorrectionsFragment = { status: RecordStatus, enteredInError: { at: string, byName: string, byRole: Role, reason: string } | null, revisions: Array<{ kind: CorrectionKind, at: string, byName: string, byRole: Role, reason: string, changes: Array<{ field: string, before: string | null, after: string | null }> }> };

export type ObservationCorrectionsFragment = { status: RecordStatus, enteredInError: { at: string, byName: string, byRole: Role, reason: string } | null, revisions: Array<{ kind: CorrectionKind, at: string, byName: string, byRole: Role, reason: string, changes: Array<{ field: string, before: string | null, after: string | null }> }> };

export type QuestionnaireResponseCorrectionsFragment = { status: RecordStatus, enteredInError: { at: string, byName: string, byRole: Role, reason: string } | null, revisions: Array<{ kind: CorrectionKind, at: string, byName: string, byRole: Role, reason: string, changes: Array<{ field: string, before: string | null, after: string | null }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ApiTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
}
    `, {"fragmentName":"ApiTokenFields"}) as unknown as TypedDocumentString<ApiTokenFieldsFragment, unknown>;
export const AdminAccountFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminAccountFields on Account {
  id
  email
  name
  role
  status
  createdAt
  lastSignInAt
  disabledAt
  activeSessions
  therapist {
    id
    givenName
    familyName
  }
  client {
    id
    displayName
  }
  apiTokens {
    ...ApiTokenFields
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
}`, {"fragmentName":"AdminAccountFields"}) as unknown as TypedDocumentString<AdminAccountFieldsFragment, unknown>;
export const CalendarAppointmentFragmentDoc = new TypedDocumentString(`
    fragment CalendarAppointment on Appointment {
  id
  startsAt
  endsAt
  localDate
  localTime
  minutes
  status
  seriesId
  sessionId
  needsSession
  cancelledBy
  lateCancellation
  cancelRequestedAt
  cancelRequestReason
}
    `, {"fragmentName":"CalendarAppointment"}) as unknown as TypedDocumentString<CalendarAppointmentFragment, unknown>;
export const ClinicSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment ClinicSettingsFields on Clinic {
  id
  name
  timeZone
  locale
  noChangeAfterSessions
  researchParticipationSince
  clientApiTokensAllowed
}
    `, {"fragmentName":"ClinicSettingsFields"}) as unknown as TypedDocumentString<ClinicSettingsFieldsFragment, unknown>;
export const PlainProgressFragmentDoc = new TypedDocumentString(`
    fragment PlainProgress on MeasureProgressNode {
  measureCode
  regionCode
  side
  baseline
  latest
  change
  points
}
    `, {"fragmentName":"PlainProgress"}) as unknown as TypedDocumentString<PlainProgressFragment, unknown>;
export const InstrumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment InstrumentFields on Instrument {
  code
  name
  wording
  licence
  items {
    code
    label
    question
    answerOptions {
      value
      text
    }
    min
    max
    optionalModule
    requiresLabel
  }
}
    `, {"fragmentName":"InstrumentFields"}) as unknown as TypedDocumentString<InstrumentFieldsFragment, unknown>;
export const ReportSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReportSummaryFields on ReportSummary {
  assessment
  plan
  writtenAt
  writtenBy
}
    `, {"fragmentName":"ReportSummaryFields"}) as unknown as TypedDocumentString<ReportSummaryFieldsFragment, unknown>;
export const OutcomeCellFieldsFragmentDoc = new TypedDocumentString(`
    fragment OutcomeCellFields on OutcomeCell {
  suppressed
  n
  baselineMean
  baselineSd
  meanChange
  meanChangeCiLow
  meanChangeCiHigh
  changeSd
  effectSize
  standardizedResponseMean
  responderRate
  responderRateCiLow
  responderRateCiHigh
}
    `, {"fragmentName":"OutcomeCellFields"}) as unknown as TypedDocumentString<OutcomeCellFieldsFragment, unknown>;
export const DoseBandFieldsFragmentDoc = new TypedDocumentString(`
    fragment DoseBandFields on DoseBand {
  key
  label
  outcome {
    ...OutcomeCellFields
  }
}
    fragment OutcomeCellFields on OutcomeCell {
  suppressed
  n
  baselineMean
  baselineSd
  meanChange
  meanChangeCiLow
  meanChangeCiHigh
  changeSd
  effectSize
  standardizedResponseMean
  responderRate
  responderRateCiLow
  responderRateCiHigh
}`, {"fragmentName":"DoseBandFields"}) as unknown as TypedDocumentString<DoseBandFieldsFragment, unknown>;
export const MeanCellFieldsFragmentDoc = new TypedDocumentString(`
    fragment MeanCellFields on MeanCell {
  suppressed
  n
  mean
  sd
  ciLow
  ciHigh
}
    `, {"fragmentName":"MeanCellFields"}) as unknown as TypedDocumentString<MeanCellFieldsFragment, unknown>;
export const SeriesPlanCatalogsFragmentDoc = new TypedDocumentString(`
    fragment SeriesPlanCatalogs on Query {
  conditions {
    code
    name
    headlineMeasureCode
  }
  measures {
    code
    name
    kind
  }
}
    `, {"fragmentName":"SeriesPlanCatalogs"}) as unknown as TypedDocumentString<SeriesPlanCatalogsFragment, unknown>;
export const ReportMeasureRowFragmentDoc = new TypedDocumentString(`
    fragment ReportMeasureRow on ReportMeasure {
  label
  unitLabel
  decimals
  mcidInWords
  baselineBand
  latestBand
  progress {
    measureCode
    baseline
    baselineAt
    latest
    latestAt
    change
    percentChange
    slopePerWeek
    trendPoints
    meanSessionChange
    sessionChanges {
      sessionId
    }
  }
  points {
    takenAt
    value
    context
  }
}
    `, {"fragmentName":"ReportMeasureRow"}) as unknown as TypedDocumentString<ReportMeasureRowFragment, unknown>;
export const CorrectionFragmentDoc = new TypedDocumentString(`
    fragment Correction on RecordCorrection {
  at
  byName
  byRole
  reason
}
    `, {"fragmentName":"Correction"}) as unknown as TypedDocumentString<CorrectionFragment, unknown>;
export const RevisionFragmentDoc = new TypedDocumentString(`
    fragment Revision on RecordRevision {
  kind
  at
  byName
  byRole
  reason
  changes {
    field
    before
    after
  }
}
    `, {"fragmentName":"Revision"}) as unknown as TypedDocumentString<RevisionFragment, unknown>;
export const SessionCorrectionsFragmentDoc = new TypedDocumentString(`
    fragment SessionCorrections on TreatmentSession {
  status
  enteredInError {
    ...Correction
  }
  revisions {
    ...Revision
  }
}
    fragment Correction on RecordCorrection {
  at
  byName
  byRole
  reason
}
fragment Revision on RecordRevision {
  kind
  at
  byName
  byRole
  reason
  changes {
    field
    before
    after
  }
}`, {"fragmentName":"SessionCorrections"}) as unknown as TypedDocumentString<SessionCorrectionsFragment, unknown>;
export const ObservationCorrectionsFragmentDoc = new TypedDocumentString(`
    fragment ObservationCorrections on Observation {
  status
  enteredInError {
    ...Correction
  }
  revisions {
    ...Revision
  }
}
    fragment Correction on RecordCorrection {
  at
  byName
  byRole
  reason
}
fragment Revision on RecordRevision {
  kind
  at
  byName
  byRole
  reason
  changes {
    field
    before
    after
  }
}`, {"fragmentName":"ObservationCorrections"}) as unknown as TypedDocumentString<ObservationCorrectionsFragment, unknown>;
export const QuestionnaireResponseCorrectionsFragmentDoc = new TypedDocumentString(`
    fragment QuestionnaireResponseCorrections on QuestionnaireResponse {
  status
  enteredInError {
    ...Correction
  }
  revisions {
    ...Revision
  }
}
    fragment Correction on RecordCorrection {
  at
  byName
  byRole
  reason
}
fragment Revision on RecordRevision {
  kind
  at
  byName
  byRole
  reason
  changes {
    field
    before
    after
  }
}`, {"fragmentName":"QuestionnaireResponseCorrections"}) as unknown as TypedDocumentString<QuestionnaireResponseCorrectionsFragment, unknown>;
export const AdminAccountsDocument = new TypedDocumentString(`
    query AdminAccounts {
  accounts {
    ...AdminAccountFields
  }
  pendingInvites {
    id
    email
    role
    therapistName
    client {
      id
      displayName
    }
    createdAt
    expiresAt
  }
}
    fragment AdminAccountFields on Account {
  id
  email
  name
  role
  status
  createdAt
  lastSignInAt
  disabledAt
  activeSessions
  therapist {
    id
    givenName
    familyName
  }
  client {
    id
    displayName
  }
  apiTokens {
    ...ApiTokenFields
  }
}
fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
}`) as unknown as TypedDocumentString<AdminAccountsQuery, AdminAccountsQueryVariables>;
export const DisableAccountDocument = new TypedDocumentString(`
    mutation DisableAccount($accountId: ID!) {
  disableAccount(accountId: $accountId) {
    ...AdminAccountFields
  }
}
    fragment AdminAccountFields on Account {
  id
  email
  name
  role
  status
  createdAt
  lastSignInAt
  disabledAt
  activeSessions
  therapist {
    id
    givenName
    familyName
  }
  client {
    id
    displayName
  }
  apiTokens {
    ...ApiTokenFields
  }
}
fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
}`) as unknown as TypedDocumentString<DisableAccountMutation, DisableAccountMutationVariables>;
export const EnableAccountDocument = new TypedDocumentString(`
    mutation EnableAccount($accountId: ID!) {
  enableAccount(accountId: $accountId) {
    ...AdminAccountFields
  }
}
    fragment AdminAccountFields on Account {
  id
  email
  name
  role
  status
  createdAt
  lastSignInAt
  disabledAt
  activeSessions
  therapist {
    id
    givenName
    familyName
  }
  client {
    id
    displayName
  }
  apiTokens {
    ...ApiTokenFields
  }
}
fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
}`) as unknown as TypedDocumentString<EnableAccountMutation, EnableAccountMutationVariables>;
export const RevokeAccountApiTokenDocument = new TypedDocumentString(`
    mutation RevokeAccountApiToken($id: ID!) {
  revokeAccountApiToken(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeAccountApiTokenMutation, RevokeAccountApiTokenMutationVariables>;
export const FindClientsDocument = new TypedDocumentString(`
    query FindClients($search: String!) {
  clients(search: $search, first: 8) {
    edges {
      node {
        id
        displayName
        dateOfBirth
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FindClientsQuery, FindClientsQueryVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($clientId: ID, $accountId: ID, $operation: String, $refused: Boolean, $fromDate: LocalDate, $toDate: LocalDate, $after: String, $first: Int!) {
  auditTrail(
    clientId: $clientId
    accountId: $accountId
    operation: $operation
    refused: $refused
    fromDate: $fromDate
    toDate: $toDate
    after: $after
    first: $first
  ) {
    id
    at
    accountId
    accountEmail
    role
    operation
    clientId
    outcome
    address
    requestedIds
    moreRequestedIds
    cursor
  }
}
    `) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;
export const AuditAccountsDocument = new TypedDocumentString(`
    query AuditAccounts {
  accounts {
    id
    email
    role
  }
}
    `) as unknown as TypedDocumentString<AuditAccountsQuery, AuditAccountsQueryVariables>;
export const SetResearchParticipationDocument = new TypedDocumentString(`
    mutation SetResearchParticipation($optIn: Boolean!) {
  setResearchParticipation(optIn: $optIn) {
    ...ClinicSettingsFields
  }
}
    fragment ClinicSettingsFields on Clinic {
  id
  name
  timeZone
  locale
  noChangeAfterSessions
  researchParticipationSince
  clientApiTokensAllowed
}`) as unknown as TypedDocumentString<SetResearchParticipationMutation, SetResearchParticipationMutationVariables>;
export const MyApiTokensDocument = new TypedDocumentString(`
    query MyApiTokens {
  apiTokens {
    ...ApiTokenFields
  }
  apiTokenPolicy {
    allowed
    reason
    maxDays
    defaultDays
    idleDays
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
}`) as unknown as TypedDocumentString<MyApiTokensQuery, MyApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($name: String!, $expiresInDays: Int!) {
  createApiToken(name: $name, expiresInDays: $expiresInDays) {
    token
    apiToken {
      ...ApiTokenFields
    }
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
}`) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const CalendarDocument = new TypedDocumentString(`
    query Calendar($from: DateTime!, $to: DateTime!, $therapistId: ID) {
  calendar(from: $from, to: $to, therapistId: $therapistId) {
    ...CalendarAppointment
    client {
      id
      displayName
    }
    therapist {
      id
      givenName
      familyName
    }
  }
}
    fragment CalendarAppointment on Appointment {
  id
  startsAt
  endsAt
  localDate
  localTime
  minutes
  status
  seriesId
  sessionId
  needsSession
  cancelledBy
  lateCancellation
  cancelRequestedAt
  cancelRequestReason
}`) as unknown as TypedDocumentString<CalendarQuery, CalendarQueryVariables>;
export const ClinicTherapistsDocument = new TypedDocumentString(`
    query ClinicTherapists {
  clinicTherapists {
    id
    givenName
    familyName
  }
}
    `) as unknown as TypedDocumentString<ClinicTherapistsQuery, ClinicTherapistsQueryVariables>;
export const SeriesAppointmentsDocument = new TypedDocumentString(`
    query SeriesAppointments($id: ID!) {
  series(id: $id) {
    id
    status
    startDate
    plannedMinutesPerSession
    appointments {
      ...CalendarAppointment
    }
  }
}
    fragment CalendarAppointment on Appointment {
  id
  startsAt
  endsAt
  localDate
  localTime
  minutes
  status
  seriesId
  sessionId
  needsSession
  cancelledBy
  lateCancellation
  cancelRequestedAt
  cancelRequestReason
}`) as unknown as TypedDocumentString<SeriesAppointmentsQuery, SeriesAppointmentsQueryVariables>;
export const BookPlanDocument = new TypedDocumentString(`
    mutation BookPlan($input: BookPlanInput!) {
  bookPlan(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<BookPlanMutation, BookPlanMutationVariables>;
export const CancelAppointmentDocument = new TypedDocumentString(`
    mutation CancelAppointment($id: ID!, $byClient: Boolean!, $reason: String) {
  cancelAppointment(id: $id, byClient: $byClient, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelAppointmentMutation, CancelAppointmentMutationVariables>;
export const DeclineAppointmentCancellationDocument = new TypedDocumentString(`
    mutation DeclineAppointmentCancellation($id: ID!) {
  declineAppointmentCancellation(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeclineAppointmentCancellationMutation, DeclineAppointmentCancellationMutationVariables>;
export const MarkAppointmentDocument = new TypedDocumentString(`
    mutation MarkAppointment($id: ID!, $status: AppointmentStatus!) {
  markAppointment(id: $id, status: $status) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<MarkAppointmentMutation, MarkAppointmentMutationVariables>;
export const NextVisitDocument = new TypedDocumentString(`
    query NextVisit {
  viewer {
    client {
      id
      nextAppointment {
        id
        startsAt
        minutes
        cancelRequestedAt
        therapist {
          givenName
          familyName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NextVisitQuery, NextVisitQueryVariables>;
export const RequestAppointmentCancellationDocument = new TypedDocumentString(`
    mutation RequestAppointmentCancellation($id: ID!, $reason: String) {
  requestAppointmentCancellation(id: $id, reason: $reason) {
    id
    cancelRequestedAt
  }
}
    `) as unknown as TypedDocumentString<RequestAppointmentCancellationMutation, RequestAppointmentCancellationMutationVariables>;
export const CaseloadDocument = new TypedDocumentString(`
    query Caseload($flag: CaseloadFlag, $sort: CaseloadSort!, $after: String) {
  caseload(flag: $flag, sort: $sort, first: 20, after: $after) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        flags
        attendedSessions
        lastVisitAt
        headlineMeasureCode
        headline {
          regionCode
          side
          baseline
          latest
          change
          mcidReached
        }
        expectedChange {
          withheldReason
          performance
        }
        series {
          id
          plannedSessions
          condition {
            name
          }
          observations {
            sessionId
            measureCode
            context
            regionCode
            side
            value
          }
          client {
            id
            displayName
          }
          nextAppointment {
            id
            startsAt
          }
        }
      }
    }
  }
  measures {
    code
    name
    unitLabel
    min
    max
    decimals
    direction
  }
  bodyRegions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<CaseloadQuery, CaseloadQueryVariables>;
export const ClientListDocument = new TypedDocumentString(`
    query ClientList($search: String, $first: Int!, $after: String) {
  clients(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        id
        displayName
        dateOfBirth
        series {
          id
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClientListQuery, ClientListQueryVariables>;
export const ClientSeriesDocument = new TypedDocumentString(`
    query ClientSeries($id: ID!) {
  client(id: $id) {
    id
    displayName
    dateOfBirth
    sex
    email
    phone
    preferredLanguage
    referral {
      source
      clinicianName
      organisation
      contact
      reason
      referredOn
    }
    unresolvedRedFlags
    contraindications
    intake {
      takenAt
      chiefComplaints
      complaints {
        description
        onsetDate
        onset
        durationWeeks
      }
      conditionCodes
      currentConditions
      pastConditions
      goals
      medications
      contraindications
      redFlags
      redFlagsResolvedAt
      redFlagsResolutionNote
      pressurePreference
      painTolerance
      consentToTreatment
      consentToShareWithReferrer
      researchConsent
    }
    series {
      id
      conditionCode
      status
      startDate
      endDate
      plannedSessions
      condition {
        name
      }
      sessions {
        id
        startedAt
        attendance
      }
    }
  }
  conditions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<ClientSeriesQuery, ClientSeriesQueryVariables>;
export const ClinicSettingsDocument = new TypedDocumentString(`
    query ClinicSettings {
  viewer {
    clinic {
      ...ClinicSettingsFields
    }
  }
}
    fragment ClinicSettingsFields on Clinic {
  id
  name
  timeZone
  locale
  noChangeAfterSessions
  researchParticipationSince
  clientApiTokensAllowed
}`) as unknown as TypedDocumentString<ClinicSettingsQuery, ClinicSettingsQueryVariables>;
export const UpdateClinicSettingsDocument = new TypedDocumentString(`
    mutation UpdateClinicSettings($input: ClinicSettingsInput!) {
  updateClinicSettings(input: $input) {
    ...ClinicSettingsFields
  }
}
    fragment ClinicSettingsFields on Clinic {
  id
  name
  timeZone
  locale
  noChangeAfterSessions
  researchParticipationSince
  clientApiTokensAllowed
}`) as unknown as TypedDocumentString<UpdateClinicSettingsMutation, UpdateClinicSettingsMutationVariables>;
export const InviteTherapistDocument = new TypedDocumentString(`
    mutation InviteTherapist($email: String!, $givenName: String!, $familyName: String!, $registrationNumber: String) {
  inviteTherapist(
    email: $email
    givenName: $givenName
    familyName: $familyName
    registrationNumber: $registrationNumber
  ) {
    id
    email
    expiresAt
    token
  }
}
    `) as unknown as TypedDocumentString<InviteTherapistMutation, InviteTherapistMutationVariables>;
export const MarkSessionEnteredInErrorDocument = new TypedDocumentString(`
    mutation MarkSessionEnteredInError($id: ID!, $reason: String!) {
  markSessionEnteredInError(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<MarkSessionEnteredInErrorMutation, MarkSessionEnteredInErrorMutationVariables>;
export const MarkObservationEnteredInErrorDocument = new TypedDocumentString(`
    mutation MarkObservationEnteredInError($id: ID!, $reason: String!) {
  markObservationEnteredInError(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<MarkObservationEnteredInErrorMutation, MarkObservationEnteredInErrorMutationVariables>;
export const MarkQuestionnaireResponseEnteredInErrorDocument = new TypedDocumentString(`
    mutation MarkQuestionnaireResponseEnteredInError($id: ID!, $reason: String!) {
  markQuestionnaireResponseEnteredInError(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<MarkQuestionnaireResponseEnteredInErrorMutation, MarkQuestionnaireResponseEnteredInErrorMutationVariables>;
export const AmendObservationDocument = new TypedDocumentString(`
    mutation AmendObservation($id: ID!, $input: AmendObservationInput!) {
  amendObservation(id: $id, input: $input) {
    id
    status
    value
  }
}
    `) as unknown as TypedDocumentString<AmendObservationMutation, AmendObservationMutationVariables>;
export const MyDiaryEntriesDocument = new TypedDocumentString(`
    query MyDiaryEntries($measureCode: String!) {
  viewer {
    client {
      id
      series {
        id
        observations(measureCode: $measureCode) {
          id
          context
          recordedByRole
          recordedAt
          takenAt
          value
          regionCode
          side
          note
          sessionId
        }
      }
    }
  }
  measures {
    code
    name
    kind
    unitLabel
    decimals
    direction
    mcid
    min
    max
  }
  bodyRegions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<MyDiaryEntriesQuery, MyDiaryEntriesQueryVariables>;
export const ExpectedChangeDocument = new TypedDocumentString(`
    query ExpectedChange($seriesId: ID!, $measureCode: String!) {
  series(id: $seriesId) {
    id
    expectedChange(measureCode: $measureCode) {
      measureCode
      withheldReason
      baseline
      baselineVisit
      points {
        visit
        change
        low
        high
      }
      sentence
      performance
      latestVisit
    }
  }
}
    `) as unknown as TypedDocumentString<ExpectedChangeQuery, ExpectedChangeQueryVariables>;
export const ClientFormDocument = new TypedDocumentString(`
    query ClientForm($id: ID!) {
  client(id: $id) {
    id
    displayName
    givenName
    familyName
    dateOfBirth
    sex
    email
    phone
    preferredLanguage
    referral {
      source
      clinicianName
      organisation
      contact
      reason
      referredOn
    }
  }
}
    `) as unknown as TypedDocumentString<ClientFormQuery, ClientFormQueryVariables>;
export const CreateClientDocument = new TypedDocumentString(`
    mutation CreateClient($input: CreateClientInput!, $idempotencyKey: String) {
  createClient(input: $input, idempotencyKey: $idempotencyKey) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateClientMutation, CreateClientMutationVariables>;
export const UpdateClientDocument = new TypedDocumentString(`
    mutation UpdateClient($id: ID!, $input: UpdateClientInput!) {
  updateClient(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateClientMutation, UpdateClientMutationVariables>;
export const IntakeFormDocument = new TypedDocumentString(`
    query IntakeForm($clientId: ID!) {
  client(id: $clientId) {
    id
    displayName
  }
  conditions {
    code
    name
  }
  pregnancyCautions {
    code
    kind
    text
  }
}
    `) as unknown as TypedDocumentString<IntakeFormQuery, IntakeFormQueryVariables>;
export const RecordIntakeDocument = new TypedDocumentString(`
    mutation RecordIntake($clientId: ID!, $input: RecordIntakeInput!, $idempotencyKey: String) {
  recordIntake(
    clientId: $clientId
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordIntakeMutation, RecordIntakeMutationVariables>;
export const ResolveRedFlagsDocument = new TypedDocumentString(`
    mutation ResolveRedFlags($clientId: ID!, $note: String!) {
  resolveRedFlags(clientId: $clientId, note: $note) {
    id
    redFlagsResolvedAt
  }
}
    `) as unknown as TypedDocumentString<ResolveRedFlagsMutation, ResolveRedFlagsMutationVariables>;
export const InviteClientDocument = new TypedDocumentString(`
    mutation InviteClient($clientId: ID!, $email: String!) {
  inviteClient(clientId: $clientId, email: $email) {
    id
    email
    expiresAt
    token
  }
}
    `) as unknown as TypedDocumentString<InviteClientMutation, InviteClientMutationVariables>;
export const AcceptInviteDocument = new TypedDocumentString(`
    mutation AcceptInvite($token: String!, $password: String!) {
  acceptInvite(token: $token, password: $password) {
    role
  }
}
    `) as unknown as TypedDocumentString<AcceptInviteMutation, AcceptInviteMutationVariables>;
export const MyProgressDocument = new TypedDocumentString(`
    query MyProgress {
  viewer {
    client {
      id
      displayName
      series {
        id
        status
        startDate
        endDate
        plannedSessions
        plannedSessionsPerWeek
        condition {
          name
        }
        sessions {
          id
          startedAt
          attendance
        }
        progress {
          measures {
            ...PlainProgress
          }
          diary {
            ...PlainProgress
          }
          attendance {
            attended
            plannedSessions
            plannedPerWeek
          }
        }
      }
    }
  }
  measures {
    code
    name
    kind
    unitLabel
    decimals
    direction
    mcid
    min
    max
  }
  bodyRegions {
    code
    name
    lateral
  }
}
    fragment PlainProgress on MeasureProgressNode {
  measureCode
  regionCode
  side
  baseline
  latest
  change
  points
}`) as unknown as TypedDocumentString<MyProgressQuery, MyProgressQueryVariables>;
export const RecordDiaryEntryDocument = new TypedDocumentString(`
    mutation RecordDiaryEntry($input: RecordObservationInput!, $idempotencyKey: String) {
  recordObservation(input: $input, idempotencyKey: $idempotencyKey) {
    id
    value
    takenAt
    note
  }
}
    `) as unknown as TypedDocumentString<RecordDiaryEntryMutation, RecordDiaryEntryMutationVariables>;
export const MyRecordAccessDocument = new TypedDocumentString(`
    query MyRecordAccess {
  myRecordAccess(first: 200) {
    id
    at
    role
    operation
    outcome
    actorName
    byViewer
  }
}
    `) as unknown as TypedDocumentString<MyRecordAccessQuery, MyRecordAccessQueryVariables>;
export const SessionFormDocument = new TypedDocumentString(`
    query SessionForm($seriesId: ID!) {
  series(id: $seriesId) {
    id
    startDate
    plannedMinutesPerSession
    client {
      id
      displayName
      unresolvedRedFlags
      contraindications
    }
    condition {
      name
      suggestedMeasureCodes
      suggestedInstrumentCodes
    }
  }
  measures {
    code
    name
    kind
    unitLabel
    min
    max
    decimals
    requiresRegion
    requiresSide
  }
  bodyRegions {
    code
    name
    lateral
  }
  instruments {
    ...InstrumentFields
  }
}
    fragment InstrumentFields on Instrument {
  code
  name
  wording
  licence
  items {
    code
    label
    question
    answerOptions {
      value
      text
    }
    min
    max
    optionalModule
    requiresLabel
  }
}`) as unknown as TypedDocumentString<SessionFormQuery, SessionFormQueryVariables>;
export const RecordSessionDocument = new TypedDocumentString(`
    mutation RecordSession($input: RecordSessionInput!, $idempotencyKey: String) {
  recordSession(input: $input, idempotencyKey: $idempotencyKey) {
    id
    seriesId
  }
}
    `) as unknown as TypedDocumentString<RecordSessionMutation, RecordSessionMutationVariables>;
export const SubmitQuestionnaireDocument = new TypedDocumentString(`
    mutation SubmitQuestionnaire($input: SubmitQuestionnaireInput!, $idempotencyKey: String) {
  submitQuestionnaireResponse(input: $input, idempotencyKey: $idempotencyKey) {
    id
    score
  }
}
    `) as unknown as TypedDocumentString<SubmitQuestionnaireMutation, SubmitQuestionnaireMutationVariables>;
export const QuestionnaireFormDocument = new TypedDocumentString(`
    query QuestionnaireForm($clientId: ID!) {
  client(id: $clientId) {
    id
    displayName
    series {
      id
      status
      condition {
        name
        suggestedInstrumentCodes
      }
    }
  }
  instruments {
    ...InstrumentFields
  }
}
    fragment InstrumentFields on Instrument {
  code
  name
  wording
  licence
  items {
    code
    label
    question
    answerOptions {
      value
      text
    }
    min
    max
    optionalModule
    requiresLabel
  }
}`) as unknown as TypedDocumentString<QuestionnaireFormQuery, QuestionnaireFormQueryVariables>;
export const MyReminderPreferencesDocument = new TypedDocumentString(`
    query MyReminderPreferences {
  myReminderPreferences {
    optedOut
    optedOutAt
  }
}
    `) as unknown as TypedDocumentString<MyReminderPreferencesQuery, MyReminderPreferencesQueryVariables>;
export const SetMyReminderOptOutDocument = new TypedDocumentString(`
    mutation SetMyReminderOptOut($optOut: Boolean!) {
  setMyReminderOptOut(optOut: $optOut) {
    optedOut
    optedOutAt
  }
}
    `) as unknown as TypedDocumentString<SetMyReminderOptOutMutation, SetMyReminderOptOutMutationVariables>;
export const ReminderNoticesDocument = new TypedDocumentString(`
    query ReminderNotices {
  reminderNotices {
    id
    clientId
    clientName
    kind
    status
    recipient
    problem
    dueAt
  }
}
    `) as unknown as TypedDocumentString<ReminderNoticesQuery, ReminderNoticesQueryVariables>;
export const AcknowledgeReminderNoticeDocument = new TypedDocumentString(`
    mutation AcknowledgeReminderNotice($id: ID!) {
  acknowledgeReminderNotice(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeReminderNoticeMutation, AcknowledgeReminderNoticeMutationVariables>;
export const ReportSummaryDocument = new TypedDocumentString(`
    query ReportSummary($seriesId: ID!) {
  series(id: $seriesId) {
    id
    reportSummary {
      ...ReportSummaryFields
    }
  }
}
    fragment ReportSummaryFields on ReportSummary {
  assessment
  plan
  writtenAt
  writtenBy
}`) as unknown as TypedDocumentString<ReportSummaryQuery, ReportSummaryQueryVariables>;
export const WriteReportSummaryDocument = new TypedDocumentString(`
    mutation WriteReportSummary($seriesId: ID!, $input: ReportSummaryInput!) {
  writeReportSummary(seriesId: $seriesId, input: $input) {
    id
    reportSummary {
      ...ReportSummaryFields
    }
  }
}
    fragment ReportSummaryFields on ReportSummary {
  assessment
  plan
  writtenAt
  writtenBy
}`) as unknown as TypedDocumentString<WriteReportSummaryMutation, WriteReportSummaryMutationVariables>;
export const ResearchCatalogsDocument = new TypedDocumentString(`
    query ResearchCatalogs {
  measures {
    code
    name
    kind
    unitLabel
    min
    max
    decimals
    direction
    mcid
  }
  conditions {
    code
    name
  }
  researchClinics {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ResearchCatalogsQuery, ResearchCatalogsQueryVariables>;
export const CohortOutcomesDocument = new TypedDocumentString(`
    query CohortOutcomes($measureCode: String!, $filter: CohortFilterInput) {
  cohortOutcomes(measureCode: $measureCode, filter: $filter) {
    measureCode
    unit
    direction
    mcid
    minCellSize
    overall {
      ...OutcomeCellFields
    }
    withinSession {
      ...MeanCellFields
    }
    visits {
      visitNumber
      value {
        ...MeanCellFields
      }
    }
    histogram {
      from
      to
      n
      suppressed
    }
    doseResponse {
      totalMinutes {
        ...DoseBandFields
      }
      sessionsPerWeek {
        ...DoseBandFields
      }
      mainModality {
        ...DoseBandFields
      }
      minutesSlope {
        suppressed
        n
        slopePerMinute
        ciLow
        ciHigh
      }
    }
  }
}
    fragment OutcomeCellFields on OutcomeCell {
  suppressed
  n
  baselineMean
  baselineSd
  meanChange
  meanChangeCiLow
  meanChangeCiHigh
  changeSd
  effectSize
  standardizedResponseMean
  responderRate
  responderRateCiLow
  responderRateCiHigh
}
fragment DoseBandFields on DoseBand {
  key
  label
  outcome {
    ...OutcomeCellFields
  }
}
fragment MeanCellFields on MeanCell {
  suppressed
  n
  mean
  sd
  ciLow
  ciHigh
}`) as unknown as TypedDocumentString<CohortOutcomesQuery, CohortOutcomesQueryVariables>;
export const CohortComparisonDocument = new TypedDocumentString(`
    query CohortComparison($measureCode: String!, $a: CohortFilterInput!, $b: CohortFilterInput!) {
  cohortComparison(measureCode: $measureCode, a: $a, b: $b) {
    measureCode
    minCellSize
    a {
      ...OutcomeCellFields
    }
    b {
      ...OutcomeCellFields
    }
    difference {
      suppressed
      estimate
      ciLow
      ciHigh
    }
  }
}
    fragment OutcomeCellFields on OutcomeCell {
  suppressed
  n
  baselineMean
  baselineSd
  meanChange
  meanChangeCiLow
  meanChangeCiHigh
  changeSd
  effectSize
  standardizedResponseMean
  responderRate
  responderRateCiLow
  responderRateCiHigh
}`) as unknown as TypedDocumentString<CohortComparisonQuery, CohortComparisonQueryVariables>;
export const SeriesPageDocument = new TypedDocumentString(`
    query SeriesPage($seriesId: ID!) {
  series(id: $seriesId) {
    id
    status
    startDate
    endDate
    goals
    plannedSessions
    plannedSessionsPerWeek
    dischargeReason
    dischargeNote
    headlineMeasure {
      name
    }
    client {
      id
      displayName
      unresolvedRedFlags
      contraindications
    }
    condition {
      name
    }
    sessions {
      id
      startedAt
      attendance
    }
    observations {
      id
      sessionId
      measureCode
      context
      regionCode
      side
      value
      takenAt
      reportedBy
    }
    questionnaireResponses {
      id
      instrumentCode
      completedAt
      score
      reportedBy
    }
    progress {
      attendance {
        attended
        cancelled
        noShows
        expectedByNow
        plannedSessions
        plannedPerWeek
        weeksElapsed
      }
    }
  }
  measures {
    code
    name
    kind
    unit
    unitLabel
    min
    max
    decimals
    direction
    mcid
    severityBands {
      min
      max
      label
    }
  }
  bodyRegions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<SeriesPageQuery, SeriesPageQueryVariables>;
export const StartSeriesFormDocument = new TypedDocumentString(`
    query StartSeriesForm($clientId: ID!) {
  client(id: $clientId) {
    id
    displayName
  }
  ...SeriesPlanCatalogs
}
    fragment SeriesPlanCatalogs on Query {
  conditions {
    code
    name
    headlineMeasureCode
  }
  measures {
    code
    name
    kind
  }
}`) as unknown as TypedDocumentString<StartSeriesFormQuery, StartSeriesFormQueryVariables>;
export const SeriesPlanDocument = new TypedDocumentString(`
    query SeriesPlan($seriesId: ID!) {
  series(id: $seriesId) {
    id
    status
    conditionCode
    plannedSessions
    plannedSessionsPerWeek
    plannedMinutesPerSession
    startDate
    goals
    headlineMeasureCode
    client {
      id
      displayName
    }
    condition {
      name
    }
  }
  ...SeriesPlanCatalogs
}
    fragment SeriesPlanCatalogs on Query {
  conditions {
    code
    name
    headlineMeasureCode
  }
  measures {
    code
    name
    kind
  }
}`) as unknown as TypedDocumentString<SeriesPlanQuery, SeriesPlanQueryVariables>;
export const StartSeriesDocument = new TypedDocumentString(`
    mutation StartSeries($input: StartSeriesInput!, $idempotencyKey: String) {
  startSeries(input: $input, idempotencyKey: $idempotencyKey) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartSeriesMutation, StartSeriesMutationVariables>;
export const UpdateSeriesDocument = new TypedDocumentString(`
    mutation UpdateSeries($id: ID!, $input: UpdateSeriesInput!) {
  updateSeries(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateSeriesMutation, UpdateSeriesMutationVariables>;
export const CloseSeriesDocument = new TypedDocumentString(`
    mutation CloseSeries($id: ID!, $input: CloseSeriesInput!) {
  closeSeries(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CloseSeriesMutation, CloseSeriesMutationVariables>;
export const SeriesReportDocument = new TypedDocumentString(`
    query SeriesReport($seriesId: ID!, $from: LocalDate, $to: LocalDate, $recipient: String) {
  series(id: $seriesId) {
    id
    client {
      id
    }
    report(from: $from, to: $to, recipient: $recipient) {
      seriesId
      audience
      recipient
      generatedAt
      from
      to
      partial
      clinicName
      therapistName
      therapistRegistration
      clientName
      clientDateOfBirth
      referral {
        source
        clinicianName
        organisation
        reason
        referredOn
      }
      conditionName
      icd10
      goals
      plannedSessions
      plannedSessionsPerWeek
      plannedMinutesPerSession
      seriesStartDate
      seriesEndDate
      seriesStatus
      progress {
        attendance {
          plannedSessions
          attended
          cancelled
          noShows
          weeksElapsed
          expectedByNow
          plannedPerWeek
          attendedPerWeek
        }
        dose {
          totalMinutes
        }
      }
      measures {
        ...ReportMeasureRow
      }
      diary {
        ...ReportMeasureRow
      }
      doseByModality {
        label
        minutes
        sessions
      }
      doseByRegion {
        label
        minutes
        sessions
      }
      missing
      assessment
      plan
      notesVisitAt
      summaryWrittenAt
      summaryWrittenBy
    }
  }
}
    fragment ReportMeasureRow on ReportMeasure {
  label
  unitLabel
  decimals
  mcidInWords
  baselineBand
  latestBand
  progress {
    measureCode
    baseline
    baselineAt
    latest
    latestAt
    change
    percentChange
    slopePerWeek
    trendPoints
    meanSessionChange
    sessionChanges {
      sessionId
    }
  }
  points {
    takenAt
    value
    context
  }
}`) as unknown as TypedDocumentString<SeriesReportQuery, SeriesReportQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    role
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    role
    proxyRelation
    therapist {
      id
      givenName
      familyName
    }
    client {
      id
      displayName
    }
    clinic {
      id
      name
      timeZone
      clientApiTokensAllowed
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const VisitHistoryDocument = new TypedDocumentString(`
    query VisitHistory($seriesId: ID!) {
  series(id: $seriesId) {
    id
    status
    startDate
    endDate
    client {
      id
      displayName
    }
    condition {
      name
    }
    sessions(includeEnteredInError: true) {
      id
      startedAt
      durationMinutes
      attendance
      modalities
      pressure
      regions {
        regionCode
        side
        minutes
      }
      soap {
        subjective
        objective
        assessment
        plan
      }
      ...SessionCorrections
    }
    observations(includeEnteredInError: true) {
      id
      sessionId
      measureCode
      context
      regionCode
      side
      value
      takenAt
      questionnaireResponseId
      ...ObservationCorrections
    }
    questionnaireResponses(includeEnteredInError: true) {
      id
      sessionId
      instrumentCode
      completedAt
      score
      answeredItems
      missingItems
      subscores {
        code
        name
        score
      }
      ...QuestionnaireResponseCorrections
    }
  }
  measures {
    code
    name
    kind
    unitLabel
    min
    max
    decimals
  }
  bodyRegions {
    code
    name
  }
  instruments {
    code
    name
    scoreMeasureCode
  }
}
    fragment Correction on RecordCorrection {
  at
  byName
  byRole
  reason
}
fragment Revision on RecordRevision {
  kind
  at
  byName
  byRole
  reason
  changes {
    field
    before
    after
  }
}
fragment SessionCorrections on TreatmentSession {
  status
  enteredInError {
    ...Correction
  }
  revisions {
    ...Revision
  }
}
fragment ObservationCorrections on Observation {
  status
  enteredInError {
    ...Correction
  }
  revisions {
    ...Revision
  }
}
fragment QuestionnaireResponseCorrections on QuestionnaireResponse {
  status
  enteredInError {
    ...Correction
  }
  revisions {
    ...Revision
  }
}`) as unknown as TypedDocumentString<VisitHistoryQuery, VisitHistoryQueryVariables>;