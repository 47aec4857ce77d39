import type { AgeBand, CohortFilterInput, Modality, ModalityMatch, Sex } from '../../graphql/generated/graphql';
import type { FormError } from '../forms/field-errors';

/** The cohort builder's inputs as typed (text for numbers and dates; '' means "any"). */
export interface CohortDraft {
  measureCode: string;
  conditionCode: string;
  sex: Sex | '';
  ageBands: AgeBand[];
  modality: Modality | '';
  modalityMatch: ModalityMatch;
  minAttendedSessions: string;
  maxAttendedSessions: string;
  minPlannedSessionsPerWeek: string;
  maxPlannedSessionsPerWeek: string;
  clinicId: string;
  startMonthFrom: string;
  startMonthTo: string;
}

export const emptyCohortDraft: CohortDraft = {
  measureCode: 'NPRS',
  conditionCode: '',
  sex: '',
  ageBands: [],
  modality: '',
  modalityMatch: 'ANY',
  minAttendedSessions: '',
  maxAttendedSessions: '',
  minPlannedSessionsPerWeek: '',
  maxPlannedSessionsPerWeek: '',
  clinicId: '',
  startMonthFrom: '',
  startMonthTo: '',
};

/** DOM ids of the builder's inputs, by the filter field they fill (server errors name these fields). */
export const cohortControlIds = new Map<string, string>([
  ['measureCode', 'cohort-measure'],
  ['conditionCode', 'cohort-condition'],
  ['sex', 'cohort-sex'],
  ['ageBands', 'cohort-age'],
  ['modality', 'cohort-modality'],
  ['modalityMatch', 'cohort-modality-match'],
  ['minAttendedSessions', 'cohort-min-attended'],
  ['maxAttendedSessions', 'cohort-max-attended'],
  ['minPlannedSessionsPerWeek', 'cohort-min-per-week'],
  ['maxPlannedSessionsPerWeek', 'cohort-max-per-week'],
  ['clinicId', 'cohort-clinic'],
  ['startMonthFrom', 'cohort-start-from'],
  ['startMonthTo', 'cohort-start-to'],
]);

const control = (field: keyof CohortDraft) => cohortControlIds.get(field) ?? null;

/** A range bound typed in the form: empty is "no bound". The limits are the API's (CohortFilterInput). */
function parseBound(
  draft: CohortDraft,
  field: keyof CohortDraft,
  { max, whole, what }: { max: number; whole: boolean; what: string },
): number | null | FormError {
  const text = String(draft[field]).trim();
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > max || (whole && !Number.isInteger(value))) {
    return { controlId: control(field), message: `${what} must be ${whole ? 'a whole number' : 'a number'} from 0 to ${max}.` };
  }
  return value;
}

const isError = (value: unknown): value is FormError => typeof value === 'object' && value !== null;

/**
 * The GraphQL filter of a draft, or the first problem with it (at its input): bounds out of range, a
 * minimum above its maximum, a start range that ends before it begins. Empty inputs are left out.
 */
export function buildCohortFilter(draft: CohortDraft): { filter: CohortFilterInput } | { error: FormError } {
  const attended = { max: 1000, whole: true, what: 'Attended visits' };
  const perWeek = { max: 14, whole: false, what: 'Planned visits per week' };
  const minAttended = parseBound(draft, 'minAttendedSessions', attended);
  const maxAttended = parseBound(draft, 'maxAttendedSessions', attended);
  const minPerWeek = parseBound(draft, 'minPlannedSessionsPerWeek', perWeek);
  const maxPerWeek = parseBound(draft, 'maxPlannedSessionsPerWeek', perWeek);
  for (const bound of [minAttended, maxAttended, minPerWeek, maxPerWeek]) if (isError(bound)) return { error: bound };
  if (typeof minAttended === 'number' && typeof maxAttended === 'number' && minAttended > maxAttended) {
    return { error: { controlId: control('maxAttendedSessions'), message: 'The most attended visits must not be below the fewest.' } };
  }
  if (typeof minPerWeek === 'number' && typeof maxPerWeek === 'number' && minPerWeek > maxPerWeek) {
    return {
      error: { controlId: control('maxPlannedSessionsPerWeek'), message: 'The most visits per week must not be below the fewest.' },
    };
  }
  // YYYY-MM months compare as text.
  if (draft.startMonthFrom && draft.startMonthTo && draft.startMonthFrom > draft.startMonthTo) {
    return { error: { controlId: control('startMonthTo'), message: 'The last start month must not be before the first.' } };
  }
  const filter: CohortFilterInput = {
    ...(draft.conditionCode ? { conditionCode: draft.conditionCode } : {}),
    ...(draft.sex ? { sex: draft.sex } : {}),
    ...(draft.ageBands.length > 0 ? { ageBands: draft.ageBands } : {}),
    ...(draft.modality ? { modality: draft.modality, modalityMatch: draft.modalityMatch } : {}),
    ...(typeof minAttended === 'number' ? { minAttendedSessions: minAttended } : {}),
    ...(typeof maxAttended === 'number' ? { maxAttendedSessions: maxAttended } : {}),
    ...(typeof minPerWeek === 'number' ? { minPlannedSessionsPerWeek: minPerWeek } : {}),
    ...(typeof maxPerWeek === 'number' ? { maxPlannedSessionsPerWeek: maxPerWeek } : {}),
    ...(draft.clinicId ? { clinicId: draft.clinicId } : {}),
    ...(draft.startMonthFrom ? { startMonthFrom: draft.startMonthFrom } : {}),
    ...(draft.startMonthTo ? { startMonthTo: draft.startMonthTo } : {}),
  };
  return { filter };
}

/** Age bands in words, e.g. AGE_30_39 → "30-39", AGE_90_PLUS → "90 and over". */
export function ageBandLabel(band: AgeBand): string {
  if (band === 'AGE_90_PLUS') return '90 and over';
  return band.replace(/^AGE_(\d+)_(\d+)$/, '$1-$2');
}

export const ageBandOrder: readonly AgeBand[] = [
  'AGE_0_9',
  'AGE_10_19',
  'AGE_20_29',
  'AGE_30_39',
  'AGE_40_49',
  'AGE_50_59',
  'AGE_60_69',
  'AGE_70_79',
  'AGE_80_89',
  'AGE_90_PLUS',
];
