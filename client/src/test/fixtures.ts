import type { MeasureInfo, ObservationInfo, SessionInfo } from '../charts/measure-series';

/** NPRS as the server's catalog describes it; the MCID is a fixture here, the app reads it from the API. */
export const nprs: MeasureInfo = {
  code: 'NPRS',
  name: 'Pain intensity (NPRS 0-10)',
  kind: 'PAIN',
  unitLabel: '/10',
  min: 0,
  max: 10,
  decimals: 0,
  direction: 'LOWER_IS_BETTER',
  mcid: 2,
};

export const regionNames = new Map([
  ['NECK', 'Neck'],
  ['SHOULDER', 'Shoulder'],
  ['LOWER_BACK', 'Lower back'],
]);

/** Sessions a week apart from 2 March 2026, 09:30 UTC. */
export function weeklySessions(count: number): SessionInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i + 1}`,
    startedAt: new Date(Date.UTC(2026, 2, 2 + 7 * i, 9, 30)).toISOString(),
  }));
}

/** A pre/post pair of values for a session, in a region. */
export function prePost(
  sessionId: string,
  startedAt: string,
  pre: number | null,
  post: number | null,
  region: { regionCode?: string; side?: 'LEFT' | 'RIGHT'; reportedBy?: string } = {},
): ObservationInfo[] {
  const base = {
    sessionId,
    regionCode: region.regionCode ?? 'NECK',
    side: region.side ?? null,
    reportedBy: region.reportedBy ?? 'self-report',
  };
  const later = new Date(Date.parse(startedAt) + 60 * 60_000).toISOString();
  return [
    ...(pre === null ? [] : [{ ...base, context: 'PRE_SESSION' as const, value: pre, takenAt: startedAt }]),
    ...(post === null ? [] : [{ ...base, context: 'POST_SESSION' as const, value: post, takenAt: later }]),
  ];
}

/** The value, or a failed test when it is missing (instead of a non-null assertion). */
export function present<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`expected a ${what}`);
  return value;
}

/** A research cell hidden by small-cell suppression: every figure null. */
export const hiddenOutcomeCell = {
  suppressed: true,
  n: null,
  baselineMean: null,
  baselineSd: null,
  meanChange: null,
  meanChangeCiLow: null,
  meanChangeCiHigh: null,
  changeSd: null,
  effectSize: null,
  standardizedResponseMean: null,
  responderRate: null,
  responderRateCiLow: null,
  responderRateCiHigh: null,
} as const;

export const hiddenMeanCell = { suppressed: true, n: null, mean: null, sd: null, ciLow: null, ciHigh: null } as const;
