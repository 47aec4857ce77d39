import type { CaseloadFlag } from '../../graphql/generated/graphql';

/** Each caseload flag in words, with a mark that does not rely on colour. Definitions: README, "Progress and caseload". */
export const flagLabels: Record<CaseloadFlag, { label: string; mark: string; explanation: string }> = {
  WORSENING: { label: 'Worsening', mark: '▼', explanation: 'the headline measure has worsened by at least its MCID' },
  NO_MEANINGFUL_CHANGE: {
    label: 'No meaningful change',
    mark: '■',
    explanation: 'several sessions attended and no clinically important change yet',
  },
  MISSED_SESSIONS: { label: 'Missed sessions', mark: '●', explanation: 'fewer sessions attended than planned by now, or a recent no-show' },
  REASSESSMENT_OVERDUE: { label: 'Reassessment overdue', mark: '◆', explanation: 'no questionnaire in the last 28 days' },
};

export const caseloadFlags = Object.keys(flagLabels) as CaseloadFlag[];
