/**
 * Turns a series' sessions and the values of one measure into what a chart and
 * its table show: per body region, the value before and after each session, the
 * baseline and the band of "no clinically important change" around it.
 * Pure functions, so the numbers a person sees are tested without a canvas.
 */

import type { MeasureDirection, MeasureKind, ObservationContext, Side } from '../graphql/generated/graphql';

/** The catalog entry of a measure, as the `measures` query returns it. */
export interface MeasureInfo {
  code: string;
  name: string;
  kind: MeasureKind;
  unitLabel: string;
  min: number;
  max: number;
  decimals: number;
  direction: MeasureDirection;
  /** Minimal clinically important difference, in the measure's unit; null when none is published. */
  mcid: number | null;
}

export interface SessionInfo {
  id: string;
  startedAt: string;
}

export interface ObservationInfo {
  sessionId: string | null;
  context: ObservationContext;
  regionCode: string | null;
  side: Side | null;
  value: number;
  takenAt: string;
  /** Who reported it, in the server's words ("self-report", "reported by a parent (proxy)", "observed by the therapist"). */
  reportedBy: string;
}

/** One session's values for one region. */
export interface SessionValues {
  sessionId: string;
  /** 1-based position among all sessions of the series, as the therapist counts visits. */
  sessionNumber: number;
  startedAt: string;
  pre: number | null;
  post: number | null;
}

export interface RegionSeries {
  /** Stable key: region code and side. */
  key: string;
  regionCode: string | null;
  side: Side | null;
  /** Who reported these values: each reporter's values are a series of their own, never averaged with another's. */
  reportedBy: string;
  /** For display, e.g. "Left shoulder"; with the source when the measure has values from more than one ("Neck, reported by a parent (proxy)"). */
  label: string;
  /** Sessions with at least one value for this region, in clinical order. */
  sessions: SessionValues[];
  /** The first value taken before a session; what later values are compared with. */
  baseline: number | null;
  /** Baseline ± MCID, kept within the measure's range; null without a baseline or an MCID. */
  band: { low: number; high: number } | null;
}

const sideLabels: Record<Side, string> = { LEFT: 'Left', RIGHT: 'Right' };

/** "Neck", or with a side "Right lower arm (forearm)". */
export function regionLabel(regionCode: string | null, side: Side | null, regionNames: ReadonlyMap<string, string>): string {
  if (regionCode === null) return side ? `${sideLabels[side]} side` : 'All regions';
  const name = regionNames.get(regionCode) ?? regionCode;
  return side ? `${sideLabels[side]} ${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}

/**
 * Groups session values by region (and side) and by who reported them: a parent's or the therapist's values
 * are a series of their own, apart from the client's self-report. Values taken between sessions are
 * left out: the chart is about sessions. When a session has several values for
 * the same region and moment, the one taken last counts.
 */
export function buildRegionSeries(input: {
  measure: MeasureInfo;
  sessions: readonly SessionInfo[];
  observations: readonly ObservationInfo[];
  regionNames: ReadonlyMap<string, string>;
}): RegionSeries[] {
  const sessions = [...input.sessions].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const sessionNumber = new Map(sessions.map((session, index) => [session.id, index + 1]));
  const byRegion = new Map<
    string,
    {
      regionCode: string | null;
      side: Side | null;
      reportedBy: string;
      values: Map<string, { pre?: ObservationInfo; post?: ObservationInfo }>;
    }
  >();

  for (const observation of input.observations) {
    if (observation.sessionId === null || !sessionNumber.has(observation.sessionId)) continue;
    if (observation.context === 'BETWEEN_SESSIONS') continue;
    const key = `${observation.regionCode ?? ''}|${observation.side ?? ''}|${observation.reportedBy}`;
    let region = byRegion.get(key);
    if (!region) {
      region = { regionCode: observation.regionCode, side: observation.side, reportedBy: observation.reportedBy, values: new Map() };
      byRegion.set(key, region);
    }
    const slot = region.values.get(observation.sessionId) ?? {};
    const moment = observation.context === 'PRE_SESSION' ? 'pre' : 'post';
    const current = slot[moment];
    if (!current || Date.parse(observation.takenAt) >= Date.parse(current.takenAt)) slot[moment] = observation;
    region.values.set(observation.sessionId, slot);
  }

  const severalSources = new Set([...byRegion.values()].map((region) => region.reportedBy)).size > 1;
  const result: RegionSeries[] = [];
  for (const [key, region] of byRegion) {
    const rows: SessionValues[] = [];
    for (const session of sessions) {
      const slot = region.values.get(session.id);
      if (!slot) continue;
      rows.push({
        sessionId: session.id,
        sessionNumber: sessionNumber.get(session.id) ?? 0,
        startedAt: session.startedAt,
        pre: slot.pre?.value ?? null,
        post: slot.post?.value ?? null,
      });
    }
    const baseline = rows.find((row) => row.pre !== null)?.pre ?? null;
    result.push({
      key,
      regionCode: region.regionCode,
      side: region.side,
      reportedBy: region.reportedBy,
      label: `${regionLabel(region.regionCode, region.side, input.regionNames)}${severalSources ? `, ${region.reportedBy}` : ''}`,
      sessions: rows,
      baseline,
      band: mcidBand(baseline, input.measure),
    });
  }
  // The region with the most sessions first: usually the complaint the series is about.
  return result.sort((a, b) => b.sessions.length - a.sessions.length || a.label.localeCompare(b.label));
}

/** Baseline ± MCID, clamped to the measure's valid range. */
export function mcidBand(
  baseline: number | null,
  measure: Pick<MeasureInfo, 'mcid' | 'min' | 'max'>,
): { low: number; high: number } | null {
  if (baseline === null || measure.mcid === null) return null;
  return { low: Math.max(measure.min, baseline - measure.mcid), high: Math.min(measure.max, baseline + measure.mcid) };
}

const kindLabels: Record<MeasureKind, string> = {
  PAIN: 'Pain',
  RANGE_OF_MOTION: 'Range of motion',
  STRENGTH: 'Strength',
  FLEXIBILITY: 'Flexibility',
  QUESTIONNAIRE: 'Score',
  DIARY: 'Diary',
};

/** The value axis title, e.g. "Pain (NPRS 0-10)" or "Cervical rotation (°)". */
export function valueAxisTitle(measure: MeasureInfo): string {
  if (measure.kind === 'PAIN') return `${kindLabels.PAIN} (${measure.code} ${measure.min}-${measure.max})`;
  // The catalog's name, never its code (people read "Shoulder flexion", not SHOULDER_FLEXION).
  return `${measure.name} (${measure.unitLabel})`;
}

/** A value as the measure records it, e.g. "7" or "42.5". */
export function formatValue(value: number, measure: Pick<MeasureInfo, 'decimals'>): string {
  return value.toFixed(measure.decimals);
}

/** "Lower is better" / "Higher is better". */
export function directionText(measure: Pick<MeasureInfo, 'direction'>): string {
  return measure.direction === 'LOWER_IS_BETTER' ? 'Lower is better' : 'Higher is better';
}

export type ChangeVerdict = 'improved' | 'worsened' | 'within-mcid' | 'no-mcid';

export interface RegionSummary {
  latestPre: number | null;
  /** Latest pre-session value minus baseline, in the unit. */
  change: number | null;
  verdict: ChangeVerdict | null;
  text: string;
}

/**
 * How the latest value before a session compares with the baseline: the
 * lasting change, not the relief straight after a session.
 */
export function summariseRegion(region: RegionSeries, measure: MeasureInfo): RegionSummary {
  const pres = region.sessions.filter((row) => row.pre !== null);
  const latestPre = pres.length > 1 ? (pres[pres.length - 1]?.pre ?? null) : null;
  const fmt = (value: number) => formatValue(value, measure);
  if (region.baseline === null) {
    return { latestPre: null, change: null, verdict: null, text: 'No value before a session yet, so there is no baseline.' };
  }
  const baselineText = `Baseline ${fmt(region.baseline)}`;
  if (latestPre === null) {
    return { latestPre: null, change: null, verdict: null, text: `${baselineText}; no later value before a session yet.` };
  }
  const change = latestPre - region.baseline;
  const better = measure.direction === 'LOWER_IS_BETTER' ? change < 0 : change > 0;
  const size = Math.abs(change);
  const amount = size === 0 ? 'unchanged' : `${fmt(size)} ${change < 0 ? 'lower' : 'higher'}`;
  const head = `${baselineText}; latest value before a session ${fmt(latestPre)} (${amount})`;
  if (measure.mcid === null) return { latestPre, change, verdict: 'no-mcid', text: `${head}. No MCID is published for this measure.` };
  const mcid = fmt(measure.mcid);
  if (size >= measure.mcid) {
    const verdict = better ? 'improved' : 'worsened';
    return { latestPre, change, verdict, text: `${head}: a clinically important ${better ? 'improvement' : 'worsening'} (MCID ${mcid}).` };
  }
  return { latestPre, change, verdict: 'within-mcid', text: `${head}: within the MCID of ${mcid}, not yet a clinically important change.` };
}
