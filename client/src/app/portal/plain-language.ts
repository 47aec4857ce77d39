import type { MeasureDirection, MeasureKind } from '../../graphql/generated/graphql';
import { whose } from './voice';

/** What the portal needs to know about a measure to speak about it. */
export interface PlainMeasure {
  name: string;
  kind: MeasureKind;
  unitLabel: string;
  decimals: number;
  direction: MeasureDirection;
  /** Minimal clinically important difference: the smallest change most people notice (catalog, cited there). */
  mcid: number | null;
  /** The catalog's valid range: a score's scale ("a 0 to 10 scale"). */
  min: number;
  max: number;
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
  /**
   * Whose values these are, for a portal held by a proxy: "Theo Lindqvist" gives "Theo Lindqvist's pain" and "talk to
   * the therapist"; unset, the client reads about their own ("Your pain", "talk to your therapist").
   */
  about?: string;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The abbreviations the catalog's names use, each with the words it stands for, so a client never meets
 * an acronym on its own (instruments keep their acronym after their name, as clinicians will say it).
 */
const abbreviations: readonly [RegExp, string][] = [
  [/\bNPRS (\d+)-(\d+)\b/, 'Numeric Pain Rating Scale, $1 to $2'],
  [/\bVAS (\d+)-(\d+) mm\b/, 'Visual Analogue Scale, $1 to $2 mm'],
  [/\bactive ROM\b/, 'how far you can move it yourself'],
  [/\bpassive ROM\b/, 'how far it can be moved for you'],
  [/\bROM\b/, 'range of motion'],
  [/^QuickDASH$/, 'QuickDASH (Disabilities of the Arm, Shoulder and Hand, short version)'],
  [/\(ODI 2\.1a\)/, '(ODI)'],
];

/** A catalog name in words a client reads without a glossary: "Pain intensity (Numeric Pain Rating Scale, 0 to 10)". */
export function plainName(name: string): string {
  return abbreviations.reduce((text, [pattern, words]) => text.replace(pattern, words), name);
}

/** "lower is better" or "higher is better", from the catalog. */
export function directionWords(measure: Pick<PlainMeasure, 'direction'>): string {
  return measure.direction === 'LOWER_IS_BETTER' ? 'lower is better' : 'higher is better';
}

/** The scale a number is on: "on a 0 to 10 scale" for scores; degrees and units speak for themselves. */
export function scaleWords(measure: PlainMeasure): string | null {
  if (measure.kind !== 'PAIN' && measure.kind !== 'QUESTIONNAIRE') return null;
  const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: measure.decimals });
  return `on a ${fmt(measure.min)} to ${fmt(measure.max)} scale`;
}

/** One value as a client reads it: "4 out of 10", "28 out of 100", "65°", "32.5 kg". */
export function valueWords(value: number, measure: PlainMeasure): string {
  const text = Number(value.toFixed(measure.decimals)).toLocaleString('en', { maximumFractionDigits: measure.decimals });
  if (measure.kind === 'PAIN' || measure.kind === 'QUESTIONNAIRE') {
    return `${text} out of ${measure.max.toLocaleString('en', { maximumFractionDigits: measure.decimals })}`;
  }
  return measure.unitLabel === '°' ? `${text}°` : `${text} ${measure.unitLabel}`;
}

/** "Your neck pain", "Your Oswestry Disability Index (ODI) score", "Theo's cervical rotation (left side)". */
export function subjectOf(measure: PlainMeasure, where: string | null, about?: string): string {
  const owner = whose(about, 'Your');
  if (measure.kind === 'PAIN') return where ? `${owner} ${where} pain` : `${owner} pain`;
  if (measure.kind === 'QUESTIONNAIRE') return `${owner} ${plainName(measure.name)} score`;
  return `${owner} ${lowerFirst(plainName(measure.name))}${where ? ` (${where})` : ''}`;
}

/** "(on a 0 to 10 scale, lower is better)", "(higher is better)": what a number means, said every time. */
function meaningOf(measure: PlainMeasure): string {
  const scale = scaleWords(measure);
  return `(${scale ? `${scale}, ` : ''}${directionWords(measure)})`;
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
  const subject = subjectOf(measure, progress.where, progress.about);
  if (progress.points < 2) return `${subject} has one measurement so far: the next one will show how it changes.`;
  const size = Math.abs(progress.change);
  if (Number(size.toFixed(measure.decimals)) === 0) {
    return `${subject} is the same as ${progress.since ?? 'at the start'} ${meaningOf(measure)}.`;
  }
  const better = measure.direction === 'LOWER_IS_BETTER' ? progress.change < 0 : progress.change > 0;
  const head = `${subject} is ${amountOf(size, measure)} ${progress.change < 0 ? 'lower' : 'higher'} than ${progress.since ?? 'at the start'} ${meaningOf(measure)}`;
  if (measure.mcid === null) return `${head}. There is no agreed size of change that most people notice for this measure.`;
  if (size >= measure.mcid) {
    if (better) return `${head}, a change most people notice.`;
    return `${head}, a change most people notice: talk to ${progress.about ? 'the' : 'your'} therapist about it.`;
  }
  return `${head}, a small change, less than most people notice.`;
}

/**
 * The pain scale's two ends in plain words, as the numeric rating scale anchors them (0 "no pain",
 * 10 "worst pain imaginable": Hawker et al., Arthritis Care Res 2011;63 Suppl 11:S240-52).
 */
export const painScaleEnds = '0 means no pain at all. 10 means the worst pain you can imagine.';

/** The signed-in client's own words for who acted on their record. */
export interface AccessEvent {
  operation: string;
  outcome: 'ALLOWED' | 'DENIED' | 'NOT_FOUND';
  role: string;
  actorName: string | null;
  byViewer: boolean;
}

/** What each audited operation did to the record, in words ("looked at your record"). */
const operationWords: Record<string, string> = {
  'Query.client': 'looked at your record',
  'Query.clients': 'saw your name in the list of clients',
  'Query.caseload': 'saw you in their list of clients and how you are doing',
  'Query.series': 'looked at your treatment and progress',
  'Query.viewer': 'looked at your record',
  'Query.myRecordAccess': 'looked at who has seen your record',
  'Query.auditTrail': 'looked at who has seen your record',
  'Export.fhirBundle': 'downloaded your record as a file',
  'Mutation.createClient': 'created your record',
  'Mutation.updateClient': 'updated your details',
  'Mutation.recordIntake': 'recorded your first-visit questions',
  'Mutation.resolveRedFlags': 'noted a health warning as checked',
  'Mutation.startSeries': 'started a treatment plan',
  'Mutation.updateSeries': 'changed your treatment plan',
  'Mutation.closeSeries': 'finished a treatment plan',
  'Mutation.recordSession': 'recorded a visit',
  'Mutation.recordObservation': 'recorded a measurement or diary entry',
  'Mutation.submitQuestionnaireResponse': 'recorded a questionnaire',
  'Mutation.amendSession': 'corrected a visit',
  'Mutation.amendObservation': 'corrected a measurement',
  'Mutation.amendQuestionnaireResponse': 'corrected a questionnaire',
  'Mutation.markSessionEnteredInError': 'marked a visit as entered by mistake',
  'Mutation.markObservationEnteredInError': 'marked a measurement or diary entry as entered by mistake',
  'Mutation.markQuestionnaireResponseEnteredInError': 'marked a questionnaire as entered by mistake',
  'Mutation.inviteClient': 'invited you to this portal',
  'Mutation.acceptInvite': 'made your portal account',
};

/** "looked at your record"; an operation without words of its own says what kind it was. */
export function whatWords(operation: string): string {
  const known = operationWords[operation];
  if (known) return known;
  if (operation.startsWith('Mutation.')) return 'changed your record';
  if (operation.startsWith('Export.')) return 'downloaded your record';
  return 'looked at your record';
}

/** The role an account acted in, as a client would name it. */
export function roleWords(role: string): string {
  return (
    { THERAPIST: 'Therapist', ADMIN: 'Clinic administrator', CLIENT: 'Client', RESEARCHER: 'Researcher', ANONYMOUS: 'Not signed in' }[
      role
    ] ?? 'Fascia'
  );
}

/** Who acted, named where the client may know them, otherwise described without naming anyone. */
export function whoWords(event: AccessEvent): string {
  if (event.byViewer) return 'You';
  if (event.actorName) return event.actorName;
  switch (event.role) {
    case 'THERAPIST':
      return 'A therapist of another clinic';
    case 'ADMIN':
      return 'A clinic administrator';
    case 'CLIENT':
      return 'Someone signed in as another client';
    case 'RESEARCHER':
      return 'A researcher';
    case 'ANONYMOUS':
      return 'Someone who was not signed in';
    default:
      return 'Fascia itself';
  }
}

/** "looked at your record", or for a refusal "tried to look at your record and was refused". */
export function whatSentence(event: Pick<AccessEvent, 'operation' | 'outcome'>): string {
  const what = whatWords(event.operation);
  if (event.outcome === 'ALLOWED') return what;
  return `tried to ${what.replace(/^(\w+)/, (verb) => infinitives[verb] ?? verb)} and was refused`;
}

/** The whole line: "Tess Therapist looked at your record." */
export function accessSentence(event: AccessEvent): string {
  return `${whoWords(event)} ${whatSentence(event)}.`;
}

/** Past tense to the plain form, for "tried to … ". */
const infinitives: Record<string, string> = {
  looked: 'look',
  saw: 'see',
  downloaded: 'download',
  created: 'create',
  updated: 'update',
  recorded: 'record',
  noted: 'note',
  started: 'start',
  changed: 'change',
  finished: 'finish',
  corrected: 'correct',
  marked: 'mark',
  invited: 'invite',
  made: 'make',
};
