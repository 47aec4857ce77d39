import type { CreateClientInput, ReferralInput, ReferralSource, Sex } from '../../graphql/generated/graphql';
import { optionalText } from '../forms/fields';

/** The client form as typed. */
export interface ClientDraft {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: Sex;
  email: string;
  phone: string;
  preferredLanguage: string;
  /** '' = no referral recorded. */
  referralSource: ReferralSource | '';
  clinicianName: string;
  organisation: string;
  contact: string;
  reason: string;
  referredOn: string;
}

export const emptyClientDraft: ClientDraft = {
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  sex: 'UNKNOWN',
  email: '',
  phone: '',
  preferredLanguage: '',
  referralSource: '',
  clinicianName: '',
  organisation: '',
  contact: '',
  reason: '',
  referredOn: '',
};

const fields = ['givenName', 'familyName', 'dateOfBirth', 'sex', 'email', 'phone', 'preferredLanguage'] as const;
const referralFields = ['clinicianName', 'organisation', 'contact', 'reason', 'referredOn'] as const;

/** Input ids of the client form, by draft field. */
export const clientControlIds = Object.fromEntries(
  [...fields, 'referralSource', ...referralFields].map((f) => [f, `client-${f}`]),
) as Record<(typeof fields)[number] | 'referralSource' | (typeof referralFields)[number], string>;

/** Server field paths (`referral.clinicianName`) to the inputs they are about. */
export const clientControls = new Map<string, string>([
  ...fields.map((f) => [f, clientControlIds[f]] as [string, string]),
  ['referral', clientControlIds.referralSource],
  ['referral.source', clientControlIds.referralSource],
  ...referralFields.map((f) => [`referral.${f}`, clientControlIds[f]] as [string, string]),
]);

/**
 * The input for createClient / updateClient. Blank optional text is null on a new
 * client; on an edit, '' clears email, phone and language (the API's rule), and a
 * referral left at "none" is null, which keeps the recorded one.
 */
export function buildClientInput(draft: ClientDraft, editing: boolean): CreateClientInput {
  const referral: ReferralInput | null = draft.referralSource
    ? {
        source: draft.referralSource,
        clinicianName: optionalText(draft.clinicianName),
        organisation: optionalText(draft.organisation),
        contact: optionalText(draft.contact),
        reason: optionalText(draft.reason),
        referredOn: draft.referredOn || null,
      }
    : null;
  return {
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    dateOfBirth: draft.dateOfBirth,
    sex: draft.sex,
    email: editing ? draft.email.trim() : optionalText(draft.email),
    phone: editing ? draft.phone.trim() : optionalText(draft.phone),
    preferredLanguage: editing ? draft.preferredLanguage.trim() : optionalText(draft.preferredLanguage),
    referral,
  };
}
