import { useId } from 'react';
import type { ClientSeriesQuery } from '../../graphql/generated/graphql';
import { formatLocalDate } from '../format';
import { onsetChoices, pressureChoices, referralSourceChoices, toleranceChoices } from './onboarding-labels';

type Client = ClientSeriesQuery['client'];
type Intake = NonNullable<Client['intake']>;

const list = (items: readonly string[]) => (items.length ? items.join('; ') : 'none');

function when(instant: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(new Date(instant));
}

/** Who referred the client, as recorded on their details. */
export function ReferralFacts({ referral }: { referral: Client['referral'] }) {
  if (!referral) return null;
  const who = [referral.clinicianName, referral.organisation].filter(Boolean).join(', ');
  return (
    <>
      <dt>Referred by</dt>
      <dd>
        {referralSourceChoices[referral.source]}
        {who ? `: ${who}` : ''}
        {referral.referredOn ? ` (${formatLocalDate(referral.referredOn)})` : ''}
        {referral.contact && <span className="block">Contact: {referral.contact}</span>}
        {referral.reason && <span className="block">Reason: {referral.reason}</span>}
      </dd>
    </>
  );
}

function complaintText(c: Intake['complaints'][number]): string {
  const parts = [
    c.onset ? onsetChoices[c.onset].toLowerCase() : null,
    c.onsetDate ? `since ${formatLocalDate(c.onsetDate)}` : null,
    c.durationWeeks !== null && c.durationWeeks !== undefined
      ? `${c.durationWeeks} ${c.durationWeeks === 1 ? 'week' : 'weeks'} at intake`
      : null,
  ].filter(Boolean);
  return parts.length ? `${c.description} (${parts.join(', ')})` : c.description;
}

/** The latest intake, read-only: everything it recorded. */
export function IntakeDetails({
  intake,
  conditionNames,
  timeZone,
}: {
  intake: Client['intake'];
  conditionNames: ReadonlyMap<string, string>;
  timeZone: string | undefined;
}) {
  const id = useId();
  if (!intake) {
    return (
      <section aria-labelledby={id}>
        <h2 id={id}>Intake</h2>
        <p>No intake recorded yet.</p>
      </section>
    );
  }
  const optional = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>Intake, {when(intake.takenAt, timeZone)}</h2>
      <dl className="facts">
        <dt>Chief complaints</dt>
        <dd>{intake.chiefComplaints}</dd>
        {intake.complaints.length > 0 && (
          <>
            <dt>Complaints</dt>
            <dd>
              <ul className="plain-list">
                {intake.complaints.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: an intake's complaints are fixed once recorded.
                  <li key={i}>{complaintText(c)}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Conditions</dt>
        <dd>{list(intake.conditionCodes.map((code) => conditionNames.get(code) ?? code))}</dd>
        {optional('Current conditions', intake.currentConditions)}
        {optional('Past conditions', intake.pastConditions)}
        {optional('Medications', intake.medications)}
        {optional('Goals', intake.goals)}
        <dt>Red flags</dt>
        <dd className={intake.redFlags.length ? 'warning' : undefined}>
          {intake.redFlags.length > 0 && <span aria-hidden="true">⚠ </span>}
          {list(intake.redFlags)}
          {intake.redFlagsResolvedAt && (
            <span className="block">
              Resolved {when(intake.redFlagsResolvedAt, timeZone)}: {intake.redFlagsResolutionNote}
            </span>
          )}
        </dd>
        <dt>Contraindications</dt>
        <dd className={intake.contraindications.length ? 'warning' : undefined}>
          {intake.contraindications.length > 0 && <span aria-hidden="true">⚠ </span>}
          {list(intake.contraindications)}
        </dd>
        <dt>Pressure preferred</dt>
        <dd>{intake.pressurePreference ? pressureChoices[intake.pressurePreference].toLowerCase() : 'not asked'}</dd>
        <dt>Pain tolerance</dt>
        <dd>{intake.painTolerance ? toleranceChoices[intake.painTolerance].toLowerCase() : 'not asked'}</dd>
        <dt>Consent to treatment</dt>
        <dd>{intake.consentToTreatment ? 'given' : 'not given'}</dd>
        <dt>Sharing with the referrer</dt>
        <dd>{intake.consentToShareWithReferrer ? 'consented' : 'not consented'}</dd>
        <dt>Research use</dt>
        <dd>{intake.researchConsent ? 'consented' : 'not consented'}</dd>
      </dl>
    </section>
  );
}
