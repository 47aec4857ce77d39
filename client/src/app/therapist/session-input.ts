import type {
  AnswerInput,
  Attendance,
  Modality,
  RecordSessionInput,
  SessionObservationInput,
  Side,
  TreatedRegionInput,
} from '../../graphql/generated/graphql';
import { parsePickKey } from './BodyMap';

/** A questionnaire as typed in: item code -> answer text (empty: unanswered) and, for PSFS, the activity. */
export interface QuestionnaireDraft {
  instrumentCode: string;
  answers: Record<string, { value: string; label: string }>;
}

export interface MeasurementDraft {
  /** Stable row id for React keys and input ids. */
  id: string;
  measureCode: string;
  side: Side | '';
  pre: string;
  post: string;
}

/** The session form exactly as typed: strings, so nothing a person typed is lost or reformatted on an error. */
export interface SessionDraft {
  startedAt: string;
  durationMinutes: string;
  attendance: Attendance;
  modalities: Modality[];
  pressure: string;
  /** Chosen body-map areas, as `CODE|SIDE` keys. */
  regions: string[];
  /** Pain (NPRS) before and after, per chosen area key. */
  pain: Record<string, { pre: string; post: string }>;
  measurements: MeasurementDraft[];
  questionnaire: QuestionnaireDraft | null;
  soap: { subjective: string; objective: string; assessment: string; plan: string };
}

/** Ids of the inputs, so a server error about `observations[2].value` can be shown at the input it came from. */
export const controlIds = {
  startedAt: 'session-started-at',
  durationMinutes: 'session-duration',
  attendance: 'session-attendance',
  modalities: 'session-modalities',
  pressure: 'session-pressure',
  regions: 'session-regions',
  pain: (key: string, moment: 'pre' | 'post') => `pain-${key.replace('|', '-')}-${moment}`,
  measurement: (rowId: string, part: 'measure' | 'side' | 'pre' | 'post') => `measurement-${rowId}-${part}`,
  questionnaire: 'questionnaire',
  answer: (itemCode: string) => `answer-${itemCode}`,
  soap: (part: keyof SessionDraft['soap']) => `soap-${part}`,
} as const;

function number(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** Answers of a questionnaire draft: every item of the instrument, unanswered ones as null (the server applies the missing-item rules). */
export function answersInput(
  draft: QuestionnaireDraft,
  items: readonly { code: string; requiresLabel: boolean; optionalModule?: string | null }[],
): { answers: AnswerInput[]; controls: [string, string][] } {
  const answers: AnswerInput[] = [];
  const controls: [string, string][] = [];
  // An optional module nobody answered was not given: leave its items out.
  const modulesAnswered = new Set(
    items.filter((item) => item.optionalModule && number(draft.answers[item.code]?.value ?? '') !== null).map((i) => i.optionalModule),
  );
  for (const item of items) {
    if (item.optionalModule && !modulesAnswered.has(item.optionalModule)) continue;
    const typed = draft.answers[item.code];
    const label = typed?.label.trim();
    if (item.requiresLabel && !label && number(typed?.value ?? '') === null) continue;
    controls.push([`answers[${answers.length}]`, controlIds.answer(item.code)]);
    answers.push({ itemCode: item.code, value: number(typed?.value ?? ''), ...(item.requiresLabel && label ? { label } : {}) });
  }
  return { answers, controls };
}

/**
 * The `recordSession` input for a draft, and which input each field path of it
 * came from. Empty values are left out (not recorded), never sent as zero.
 */
export function buildSessionInput(
  draft: SessionDraft,
  seriesId: string,
  catalogs: { painMeasureCode: string; instrumentItems: (code: string) => Parameters<typeof answersInput>[1] },
): { input: RecordSessionInput; controls: Map<string, string> } {
  const controls = new Map<string, string>([
    ['startedAt', controlIds.startedAt],
    ['durationMinutes', controlIds.durationMinutes],
    ['attendance', controlIds.attendance],
    ['modalities', controlIds.modalities],
    ['pressure', controlIds.pressure],
    ['regions', controlIds.regions],
    ['subjective', controlIds.soap('subjective')],
    ['objective', controlIds.soap('objective')],
    ['assessment', controlIds.soap('assessment')],
    ['plan', controlIds.soap('plan')],
  ]);

  // Both sides of a lateral region chosen: one treated region on BOTH sides.
  const bySide = new Map<string, Set<Side | null>>();
  for (const key of draft.regions) {
    const pick = parsePickKey(key);
    bySide.set(pick.code, (bySide.get(pick.code) ?? new Set()).add(pick.side));
  }
  const regions: TreatedRegionInput[] = [];
  for (const [code, sides] of bySide) {
    controls.set(`regions[${regions.length}]`, controlIds.regions);
    if (sides.has(null)) regions.push({ regionCode: code });
    else regions.push({ regionCode: code, side: sides.size === 2 ? 'BOTH' : [...sides][0] === 'LEFT' ? 'LEFT' : 'RIGHT' });
  }

  const observations: SessionObservationInput[] = [];
  const add = (observation: SessionObservationInput, controlId: string) => {
    controls.set(`observations[${observations.length}]`, controlId);
    controls.set(`observations[${observations.length}].value`, controlId);
    observations.push(observation);
  };
  for (const key of draft.regions) {
    const pick = parsePickKey(key);
    for (const moment of ['pre', 'post'] as const) {
      const value = number(draft.pain[key]?.[moment] ?? '');
      if (value === null) continue;
      add(
        {
          measureCode: catalogs.painMeasureCode,
          context: moment === 'pre' ? 'PRE_SESSION' : 'POST_SESSION',
          regionCode: pick.code,
          ...(pick.side ? { side: pick.side } : {}),
          value,
        },
        controlIds.pain(key, moment),
      );
    }
  }
  for (const row of draft.measurements) {
    for (const moment of ['pre', 'post'] as const) {
      const value = number(row[moment]);
      if (value === null || !row.measureCode) continue;
      add(
        {
          measureCode: row.measureCode,
          context: moment === 'pre' ? 'PRE_SESSION' : 'POST_SESSION',
          ...(row.side ? { side: row.side } : {}),
          value,
        },
        controlIds.measurement(row.id, moment),
      );
      controls.set(`observations[${observations.length - 1}].side`, controlIds.measurement(row.id, 'side'));
      controls.set(`observations[${observations.length - 1}].measureCode`, controlIds.measurement(row.id, 'measure'));
    }
  }

  const input: RecordSessionInput = {
    seriesId,
    startedAt: draft.startedAt ? new Date(draft.startedAt).toISOString() : '',
    durationMinutes: number(draft.durationMinutes) ?? 0,
    attendance: draft.attendance,
    modalities: draft.modalities,
    regions,
    observations,
  };
  const pressure = number(draft.pressure);
  if (pressure !== null) input.pressure = pressure;
  for (const part of ['subjective', 'objective', 'assessment', 'plan'] as const) {
    const text = optionalText(draft.soap[part]);
    if (text !== undefined) input[part] = text;
  }
  if (draft.questionnaire) {
    const { answers, controls: answerControls } = answersInput(
      draft.questionnaire,
      catalogs.instrumentItems(draft.questionnaire.instrumentCode),
    );
    controls.set('questionnaireResponses', controlIds.questionnaire);
    controls.set('questionnaireResponses[0]', controlIds.questionnaire);
    for (const [path, id] of answerControls) controls.set(`questionnaireResponses[0].${path}`, id);
    controls.set('questionnaireResponses[0].answers', controlIds.questionnaire);
    input.questionnaireResponses = [{ instrumentCode: draft.questionnaire.instrumentCode, answers }];
  }
  return { input, controls };
}

/**
 * The first measurement row that cannot be sent as it is: a measure chosen but no side where the
 * measure needs one, or no value before or after. Pointed at like any refused input, never dropped.
 */
export function measurementRowProblem(
  measurements: readonly MeasurementDraft[],
  requiresSide: (measureCode: string) => boolean,
): { controlId: string; message: string } | null {
  for (const row of measurements) {
    if (!row.measureCode) continue;
    if (requiresSide(row.measureCode) && !row.side) {
      return { controlId: controlIds.measurement(row.id, 'side'), message: 'Choose a side for this measurement.' };
    }
    if (number(row.pre) === null && number(row.post) === null) {
      return {
        controlId: controlIds.measurement(row.id, 'pre'),
        message: 'Enter a value before or after the session, or remove this measurement.',
      };
    }
  }
  return null;
}
