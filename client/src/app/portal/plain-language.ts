import type { MeasureDirection, MeasureKind } from '../../graphql/generated/graphql';

/** What the portal needs to know about a measure to speak about it. */
export interface PlainMeasure {
  name: string;
  kind: MeasureKind;
  unitLabel: string;
  decimals: number;
  direction: MeasureDirection;
  /** Minimal clinically important difference: the smallest change most people notice (catalog, cited there). */
  mcid: number | null;
}

export interface PlainProgress {
  /** latest - baseline, in the measure's unit. */
  change: number;
  /** Values behind it; one value is a start, not a change. */
  points: number;
  /** "neck", "left shoulder"; null when the value is about no region. */
  where: string | null;
  /** What the change is counted from; "at the start" unless said. */
  since?: string;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Your neck pain", "Your Oswestry Disability Index score", "Your cervical rotation (left side)". */
export function subjectOf(measure: PlainMeasure, where: string | null): string {
  if (measure.kind === 'PAIN') return where ? `Your ${where} pain` : 'Your pain';
  if (measure.kind === 'QUESTIONNAIRE') return `Your ${measure.name} score`;
  return `Your ${lowerFirst(measure.name)}${where ? ` (${where})` : ''}`;
}

/** "3 points", "1 point", "12°", "4.5 kg". */
export function amountOf(size: number, measure: PlainMeasure): string {
  const number = Number(size.toFixed(measure.decimals));
  const text = number.toLocaleString('en', { maximumFractionDigits: measure.decimals });
  if (measure.kind === 'PAIN' || measure.kind === 'QUESTIONNAIRE') return `${text} ${number === 1 ? 'point' : 'points'}`;
  return measure.unitLabel === '°' ? `${text}°` : `${text} ${measure.unitLabel}`;
}

/**
 * One sentence a client can read about one measure: how far it has moved since
 * the start, which way, and whether that is a change most people notice (the
 * change reaches the MCID) or a small one. A move the wrong way says to talk to
 * the therapist rather than leaving the client to guess.
 */
export function progressSentence(measure: PlainMeasure, progress: PlainProgress): string {
  const subject = subjectOf(measure, progress.where);
  if (progress.points < 2) return `${subject} has one measurement so far: the next one will show how it changes.`;
  const size = Math.abs(progress.change);
  if (Number(size.toFixed(measure.decimals)) === 0) return `${subject} is the same as ${progress.since ?? 'at the start'}.`;
  const better = measure.direction === 'LOWER_IS_BETTER' ? progress.change < 0 : progress.change > 0;
  const head = `${subject} is ${amountOf(size, measure)} ${progress.change < 0 ? 'lower' : 'higher'} than ${progress.since ?? 'at the start'}`;
  if (measure.mcid === null) return `${head}. There is no agreed size of change that most people notice for this measure.`;
  if (size >= measure.mcid) {
    return better ? `${head}, a change most people notice.` : `${head}, a change most people notice: talk to your therapist about it.`;
  }
  return `${head}, a small change, less than most people notice.`;
}
