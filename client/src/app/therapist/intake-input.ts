import type { ComplaintOnset, PainTolerance, PressurePreference, RecordIntakeInput } from '../../graphql/generated/graphql';
import { listInput, optionalText } from '../forms/fields';

export interface ComplaintDraft {
  /** Stable row id for keys and input ids. */
  id: string;
  description: string;
  onsetDate: string;
  onset: ComplaintOnset | '';
}

/** The intake form as typed. */
export interface IntakeDraft {
  takenAt: string;
  chiefComplaints: string;
  complaints: ComplaintDraft[];
  conditionCodes: string[];
  currentConditions: string;
  pastConditions: string;
  medications: string;
  contraindications: string[];
  redFlags: string[];
  goals: string;
  pressurePreference: PressurePreference | '';
  painTolerance: PainTolerance | '';
  consentToTreatment: boolean;
  consentToShareWithReferrer: boolean;
  researchConsent: boolean;
  /** Pregnancy: the fields below are sent only when this is checked. */
  pregnant: boolean;
  gestationWeeks: string;
  obstetricClearance: boolean;
  clearedOn: string;
  clearedBy: string;
}

export const intakeIds = {
  takenAt: 'intake-taken-at',
  chiefComplaints: 'intake-chief-complaints',
  complaints: 'intake-complaints',
  complaint: (rowId: string, part: 'description' | 'onsetDate' | 'onset') => `intake-complaint-${rowId}-${part}`,
  conditionCodes: 'intake-conditions',
  currentConditions: 'intake-current-conditions',
  pastConditions: 'intake-past-conditions',
  medications: 'intake-medications',
  contraindications: 'intake-contraindications',
  redFlags: 'intake-red-flags',
  goals: 'intake-goals',
  pressurePreference: 'intake-pressure',
  painTolerance: 'intake-tolerance',
  consentToTreatment: 'intake-consent-treatment',
  consentToShareWithReferrer: 'intake-consent-share',
  researchConsent: 'intake-consent-research',
  pregnant: 'intake-pregnant',
  gestationWeeks: 'intake-gestation-weeks',
  obstetricClearance: 'intake-obstetric-clearance',
  clearedOn: 'intake-cleared-on',
  clearedBy: 'intake-cleared-by',
  pregnancyCautions: 'intake-pregnancy-cautions',
} as const;

/** The input for recordIntake, and which input each server field path is about. */
export function buildIntakeInput(draft: IntakeDraft): { input: RecordIntakeInput; controls: Map<string, string> } {
  const controls = new Map<string, string>(
    (
      [
        'takenAt',
        'chiefComplaints',
        'complaints',
        'conditionCodes',
        'currentConditions',
        'pastConditions',
        'medications',
        'goals',
        'pressurePreference',
        'painTolerance',
        'consentToTreatment',
        'consentToShareWithReferrer',
        'researchConsent',
      ] as const
    ).map((f) => [f, intakeIds[f]]),
  );
  const complaints = draft.complaints
    .filter((c) => c.description.trim() !== '' || c.onsetDate !== '' || c.onset !== '')
    .map((c, i) => {
      for (const part of ['description', 'onsetDate', 'onset'] as const)
        controls.set(`complaints[${i}].${part}`, intakeIds.complaint(c.id, part));
      controls.set(`complaints[${i}]`, intakeIds.complaint(c.id, 'description'));
      return { description: c.description.trim(), onsetDate: c.onsetDate || null, onset: c.onset || null };
    });
  for (const part of ['gestationWeeks', 'obstetricClearance', 'clearedOn', 'clearedBy'] as const) {
    controls.set(`pregnancy.${part}`, intakeIds[part]);
  }
  draft.conditionCodes.forEach((_, i) => {
    controls.set(`conditionCodes[${i}]`, intakeIds.conditionCodes);
  });
  return {
    input: {
      takenAt: draft.takenAt ? new Date(draft.takenAt).toISOString() : '',
      chiefComplaints: draft.chiefComplaints.trim(),
      complaints,
      conditionCodes: draft.conditionCodes,
      currentConditions: optionalText(draft.currentConditions),
      pastConditions: optionalText(draft.pastConditions),
      medications: optionalText(draft.medications),
      contraindications: listInput('contraindications', intakeIds.contraindications, draft.contraindications, controls),
      redFlags: listInput('redFlags', intakeIds.redFlags, draft.redFlags, controls),
      goals: optionalText(draft.goals),
      pressurePreference: draft.pressurePreference || null,
      painTolerance: draft.painTolerance || null,
      consentToTreatment: draft.consentToTreatment,
      consentToShareWithReferrer: draft.consentToShareWithReferrer,
      researchConsent: draft.researchConsent,
      pregnancy: draft.pregnant
        ? {
            // Blank weeks go to the server as 0, which it refuses on the weeks field with its range.
            gestationWeeks: Number.parseInt(draft.gestationWeeks, 10) || 0,
            obstetricClearance: draft.obstetricClearance,
            clearedOn: draft.obstetricClearance ? draft.clearedOn || null : null,
            clearedBy: draft.obstetricClearance ? optionalText(draft.clearedBy) : null,
          }
        : null,
    },
    controls,
  };
}
