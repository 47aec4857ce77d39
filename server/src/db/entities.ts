import { AccessToken } from '../modules/accounts/access-token.entity.js';
import { Account } from '../modules/accounts/account.entity.js';
import { Invite } from '../modules/accounts/invite.entity.js';
import { SignInAttempt } from '../modules/accounts/sign-in-attempt.entity.js';
import { Appointment, CalendarFeed } from '../modules/appointments/appointment.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { BodyRegion } from '../modules/body-regions/body-region.entity.js';
import { TreatedRegion } from '../modules/care/treated-region.entity.js';
import { TreatmentSeries } from '../modules/care/treatment-series.entity.js';
import { TreatmentSession } from '../modules/care/treatment-session.entity.js';
import { Client } from '../modules/clients/client.entity.js';
import { Intake } from '../modules/clients/intake.entity.js';
import { Clinic } from '../modules/clinics/clinic.entity.js';
import { Therapist } from '../modules/clinics/therapist.entity.js';
import { Condition } from '../modules/conditions/condition.entity.js';
import { RecordRevision } from '../modules/corrections/record-revision.entity.js';
import { ExpectedChangeModel } from '../modules/expected-change/expected-change-model.entity.js';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity.js';
import { Instrument } from '../modules/instruments/instrument.entity.js';
import { QuestionnaireResponse } from '../modules/instruments/questionnaire-response.entity.js';
import { Measure } from '../modules/measures/measure.entity.js';
import { Observation } from '../modules/measures/observation.entity.js';
import { Reminder } from '../modules/notifications/reminder.entity.js';
import { ReminderOptOut } from '../modules/notifications/reminder-opt-out.entity.js';
import { ReminderSettings } from '../modules/notifications/reminder-settings.entity.js';
import { SeriesHeadline } from '../modules/progress/series-headline.entity.js';
import { SeriesOutcome } from '../modules/progress/series-outcome.entity.js';
import { ReportSummary } from '../modules/reports/report-summary.entity.js';
import { ResearchRelease, ResearchReleaseMember } from '../modules/research/research-release.entity.js';

/** Every entity, listed explicitly: no folder scanning at start. */
export const entities = [
  Clinic,
  Therapist,
  Client,
  Intake,
  Condition,
  BodyRegion,
  Measure,
  Instrument,
  TreatmentSeries,
  TreatmentSession,
  TreatedRegion,
  Appointment,
  CalendarFeed,
  Observation,
  QuestionnaireResponse,
  SeriesOutcome,
  SeriesHeadline,
  ExpectedChangeModel,
  ResearchRelease,
  ResearchReleaseMember,
  Account,
  AccessToken,
  Invite,
  SignInAttempt,
  AuditEvent,
  IdempotencyKey,
  RecordRevision,
  ReminderSettings,
  ReminderOptOut,
  Reminder,
  ReportSummary,
];
