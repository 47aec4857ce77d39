import type {
  ComplaintOnset,
  DischargeReason,
  PainTolerance,
  PressurePreference,
  ReferralSource,
  Sex,
} from '../../graphql/generated/graphql';

/** Words for the onboarding forms' choices; the pages show these, never the enum names. */
export const sexChoices: Record<Sex, string> = { FEMALE: 'Female', MALE: 'Male', OTHER: 'Other', UNKNOWN: 'Not recorded' };
export const pressureChoices: Record<PressurePreference, string> = { LIGHT: 'Light', MODERATE: 'Moderate', FIRM: 'Firm', DEEP: 'Deep' };
export const toleranceChoices: Record<PainTolerance, string> = { LOW: 'Low', MODERATE: 'Moderate', HIGH: 'High' };

/** Now, as a `datetime-local` value in the browser's time. */
export function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function clientPath(clientId: string): string {
  return `/clients/${encodeURIComponent(clientId)}`;
}

export function seriesPath(clientId: string, seriesId: string): string {
  return `${clientPath(clientId)}/series/${encodeURIComponent(seriesId)}`;
}

export const referralSourceChoices: Record<ReferralSource, string> = {
  SELF: 'Self-referred',
  PHYSICIAN: 'Physician',
  PHYSIOTHERAPIST: 'Physiotherapist',
  CHIROPRACTOR: 'Chiropractor',
  OTHER: 'Other',
};
export const onsetChoices: Record<ComplaintOnset, string> = {
  SUDDEN: 'Sudden',
  GRADUAL: 'Gradual',
  AFTER_INJURY: 'After an injury',
  UNKNOWN: 'Unknown',
};
export const dischargeReasonChoices: Record<DischargeReason, string> = {
  GOALS_MET: 'Goals met',
  PLATEAU: 'Plateau: no further change expected',
  REFERRED_ON: 'Referred on',
  CLIENT_CHOICE: "Client's choice",
  LOST_TO_FOLLOW_UP: 'Lost to follow-up',
};
