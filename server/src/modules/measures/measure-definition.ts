/** What a measure quantifies; drives grouping in charts and analytics. `DIARY`: counts and averages a client keeps over weeks (headache days). */
export type MeasureKind = 'PAIN' | 'RANGE_OF_MOTION' | 'FLEXIBILITY' | 'STRENGTH' | 'QUESTIONNAIRE' | 'DIARY';

/** Which way is improvement. */
export type MeasureDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/**
 * What a measure's change threshold is. MCID: the smallest change clients perceive as important (anchor-based).
 * MDC: the smallest change beyond measurement error (distribution-based); real, but not shown to matter to the client.
 */
export const thresholdKinds = ['MCID', 'MDC'] as const;
export type ThresholdKind = (typeof thresholdKinds)[number];

/**
 * Who reports a measure when nobody says otherwise: the client for pain and questionnaires (self-report,
 * even when the therapist types it in at a visit), the therapist for what they measure (range of motion,
 * flexibility, strength). Research analyses this reporter's values unless asked for another.
 */
export function defaultReporter(measure: Pick<MeasureDefinition, 'kind'>): 'CLIENT' | 'THERAPIST' {
  return measure.kind === 'PAIN' || measure.kind === 'QUESTIONNAIRE' ? 'CLIENT' : 'THERAPIST';
}

/** `defaultReporter` in SQL, over a row `m` of the measure table. */
export const defaultReporterSql = (m: string) => `case when ${m}.kind in ('PAIN', 'QUESTIONNAIRE') then 'CLIENT' else 'THERAPIST' end`;

/** A labelled interpretation band of a score, e.g. ODI 21-40 "moderate disability". */
export interface SeverityBand {
  min: number;
  max: number;
  label: string;
}

/**
 * One entry of the measure catalog: the single source of truth for what a value
 * may be (validation), how to draw it (charts) and what counts as a meaningful
 * change (progress, research responder rates).
 */
export interface MeasureDefinition {
  /** Stable upper-snake code used by the API and stored on observations, e.g. `NPRS`. */
  code: string;
  name: string;
  description: string;
  kind: MeasureKind;
  /** LOINC code where one exists for this exact measurement, else null. */
  loinc: string | null;
  /** UCUM unit code, e.g. `{score}`, `mm`, `deg`, `cm`, `kg`, `%`. */
  unit: string;
  /** Unit as shown to a person, e.g. `/10`, `mm`, `°`. */
  unitLabel: string;
  /** Inclusive valid range. */
  min: number;
  max: number;
  /** Decimal places accepted (0 = whole numbers only). */
  decimals: number;
  direction: MeasureDirection;
  /** The value is about one body region (e.g. pain in the neck). */
  requiresRegion: boolean;
  /** The value is about one side (left/right), e.g. shoulder abduction. */
  requiresSide: boolean;
  /**
   * The change threshold in the measure's unit (an MCID or, where only that is published, an MDC: see
   * `thresholdKind`); null when none is published in points (e.g. FIQR, whose MCID is relative).
   */
  mcid: number | null;
  /**
   * An MCID stated as a percentage of the client's own baseline (FIQR: 14%), used where `mcid` is null;
   * absent when the published threshold is in the unit.
   */
  mcidPercentOfBaseline?: number;
  /** Whether the threshold (`mcid` or `mcidPercentOfBaseline`) is an MCID or an MDC; null when the measure has none. */
  thresholdKind: ThresholdKind | null;
  /** Full reference for the threshold (and range where relevant). */
  mcidCitation: string;
  /** Interpretation bands, where the instrument's authors publish them. */
  severityBands: SeverityBand[];
}

/** The measure has a change threshold, in its unit or relative to the baseline. */
export function hasThreshold(measure: MeasureDefinition): boolean {
  return measure.mcid !== null || measure.mcidPercentOfBaseline !== undefined;
}

/**
 * What reaching a measure's threshold means, in words: an MCID is a change clients perceive as important;
 * an MDC (published where no MCID is) only a change beyond measurement error.
 */
export function thresholdInWords(kind: ThresholdKind): string {
  return kind === 'MCID' ? 'clinically important change' : 'minimal detectable change';
}

/**
 * A series' change against its threshold, in words every reader shares (report, FHIR summary), e.g.
 * "MCID 2 /10 reached: clinically important change, improved" or "MDC 10 ° not reached". `threshold` is the
 * one progress computed for the series (in the unit); `percentOfBaseline` says it came from a relative MCID.
 */
export function changeAgainstThreshold(
  measure: MeasureDefinition,
  change: { change: number; threshold: number | null; percentOfBaseline: number | null; kind: ThresholdKind | null },
  format: (value: number) => string,
): string {
  if (change.threshold === null || change.kind === null) {
    return change.percentOfBaseline === null
      ? 'none published for this measure'
      : `MCID ${change.percentOfBaseline}% of baseline, which cannot apply to a baseline of 0`;
  }
  const relative = change.percentOfBaseline === null ? '' : ` (${change.percentOfBaseline}% of baseline)`;
  const size = `${change.kind} ${format(change.threshold)} ${measure.unitLabel}`.trim() + relative;
  const direction = measure.direction === 'HIGHER_IS_BETTER' ? 1 : -1;
  // The same tolerance as progress's own mcid_reached and worsened (progress.sql.ts).
  if (change.change * direction >= change.threshold - 1e-9) return `${size} reached: ${thresholdInWords(change.kind)}, improved`;
  if (change.change * direction <= -change.threshold + 1e-9) return `${size} reached: ${thresholdInWords(change.kind)}, worse`;
  return `${size} not reached`;
}
