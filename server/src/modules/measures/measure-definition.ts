/** What a measure quantifies; drives grouping in charts and analytics. `DIARY`: counts and averages a client keeps over weeks (headache days). */
export type MeasureKind = 'PAIN' | 'RANGE_OF_MOTION' | 'FLEXIBILITY' | 'STRENGTH' | 'QUESTIONNAIRE' | 'DIARY';

/** Which way is improvement. */
export type MeasureDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

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
  /** Minimal clinically important difference, in the measure's unit; null when none is published. */
  mcid: number | null;
  /** Full reference for the MCID (and range where relevant). */
  mcidCitation: string;
  /** Interpretation bands, where the instrument's authors publish them. */
  severityBands: SeverityBand[];
}
