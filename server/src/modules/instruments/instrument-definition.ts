/** Codes of the validated questionnaires Fascia scores. */
export type InstrumentCode =
  | 'ODI'
  | 'NDI'
  | 'QUICKDASH'
  | 'FIQR'
  | 'PSFS'
  | 'JFLS8'
  | 'BCTQ_SSS'
  | 'BCTQ_FSS'
  | 'KOOS12'
  | 'HOOS12'
  | 'ESAS_R'
  | 'PEG'
  | 'GAD7'
  | 'RFLACC'
  | 'FPSR';

/** One question (item, section or activity slot) of an instrument. */
export interface InstrumentItem {
  /** Stable code used in answers, e.g. `ODI3`. */
  code: string;
  /** Short neutral topic label (never the copyrighted question wording). */
  label: string;
  /** Inclusive range of the whole-number answer. */
  min: number;
  max: number;
  /** Only every `step`-th value from `min` is an answer (the FPS-R faces score 0, 2, 4 ... 10); default 1. */
  step?: number;
  /** Domain or section the item belongs to, where the instrument has them (e.g. FIQR `Function`). */
  section?: string;
  /** Set on items of an optional module (QuickDASH work / sports-music), which are scored separately. */
  optionalModule?: string;
  /** The answer must carry a free-text label (the activity a client names in PSFS). */
  requiresLabel?: boolean;
}

/** One answer as given; `value` null or absent means the item was left unanswered. */
export interface InstrumentAnswer {
  itemCode: string;
  value?: number | null;
  label?: string | null;
}

/** A domain, module or per-activity score reported next to the total. */
export interface InstrumentSubscore {
  code: string;
  name: string;
  score: number;
}

/** What scoring a response yields; stored on the questionnaire response. */
export interface InstrumentScore {
  /** The total, on the scale of the instrument's score measure. */
  score: number;
  subscores: InstrumentSubscore[];
  /** Items with an answer (optional-module items included). */
  answeredItems: number;
  /** Required items left unanswered (empty optional modules and unused PSFS slots are not missing). */
  missingItems: number;
}

/**
 * A validated questionnaire: its items and its published scoring rules.
 * `score` validates the answers and throws `BadInputError` (naming the field and the rule) when they
 * cannot be scored.
 */
export interface InstrumentDefinition {
  code: InstrumentCode;
  name: string;
  description: string;
  /** Stored with every response so a change of rules never silently rescores old data, e.g. `ODI-2.1a/fairbank-2000`. */
  scoringVersion: string;
  /** The published definition the scoring follows. */
  citation: string;
  /** Code, in the measure catalog, of the score observation this instrument yields (same as `code`). */
  scoreMeasureCode: string;
  items: readonly InstrumentItem[];
  /** One sentence a therapist can read. */
  missingItemRule: string;
  score(answers: readonly InstrumentAnswer[]): InstrumentScore;
}
