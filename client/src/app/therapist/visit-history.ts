import { formatValue } from '../../charts/measure-series';
import type { ObservationContext, Side, TreatedSide, VisitHistoryQuery } from '../../graphql/generated/graphql';

export type VisitData = VisitHistoryQuery;
type Series = VisitData['series'];
export type VisitValue = Series['observations'][number];
export type VisitQuestionnaire = Series['questionnaireResponses'][number];
/** A visit with the values and questionnaires taken at it. */
export type Visit = Series['sessions'][number] & { observations: VisitValue[]; questionnaireResponses: VisitQuestionnaire[] };
type Measure = VisitData['measures'][number];

/** The series' visits, each with its own values and questionnaires (the API lists them per series). */
export function visitsOf(series: Series): Visit[] {
  const bySession = <T extends { sessionId?: string | null }>(items: readonly T[]) => {
    const groups = new Map<string, T[]>();
    for (const item of items) if (item.sessionId) groups.set(item.sessionId, [...(groups.get(item.sessionId) ?? []), item]);
    return groups;
  };
  const observations = bySession(series.observations);
  const responses = bySession(series.questionnaireResponses);
  return series.sessions.map((session) => ({
    ...session,
    observations: observations.get(session.id) ?? [],
    questionnaireResponses: responses.get(session.id) ?? [],
  }));
}

export const contextLabels: Record<ObservationContext, string> = {
  PRE_SESSION: 'before',
  POST_SESSION: 'after',
  BETWEEN_SESSIONS: 'between visits',
};

/** Where on the body, in words: "Neck", "Left shoulder", "Shoulder, both sides". */
export function placeLabel(
  regionCode: string | null | undefined,
  side: Side | TreatedSide | null | undefined,
  names: ReadonlyMap<string, string>,
) {
  if (!regionCode) return side ? `${side === 'LEFT' ? 'Left' : 'Right'} side` : null;
  const name = names.get(regionCode) ?? regionCode;
  if (side === 'BOTH') return `${name}, both sides`;
  if (side === 'LEFT' || side === 'RIGHT') return `${side === 'LEFT' ? 'Left' : 'Right'} ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  return name;
}

/** A value with its unit as people write it: "7/10", "45°", "12%", "4.5 kg". */
export function withUnit(value: number, measure: Pick<Measure, 'decimals' | 'unitLabel'> | undefined): string {
  if (!measure) return String(value);
  const unit = measure.unitLabel;
  const tight = unit.startsWith('/') || unit === '°' || unit === '%';
  return `${formatValue(value, measure)}${tight ? '' : ' '}${unit}`;
}

/** The values measured at a visit, without questionnaire scores (those show with their questionnaire). */
export function measuredValues(visit: Visit): VisitValue[] {
  return visit.observations.filter((o) => !o.questionnaireResponseId);
}

/** The measures with at least one value at these visits, in catalog order: the filter's choices. */
export function measuresTaken(visits: readonly Visit[], measures: readonly Measure[]): Measure[] {
  const taken = new Set(visits.flatMap((v) => measuredValues(v).map((o) => o.measureCode)));
  return measures.filter((m) => taken.has(m.code));
}

/**
 * The visits as the filter asks: all of them, or only those where `measureCode` was taken, each with
 * only that measure's values (and no questionnaire unless it scores on that measure).
 */
export function filterVisits(visits: readonly Visit[], measureCode: string, instruments: VisitData['instruments']): Visit[] {
  if (!measureCode) return [...visits];
  const scoredOn = new Set(instruments.filter((i) => i.scoreMeasureCode === measureCode).map((i) => i.code));
  return visits.flatMap((visit) => {
    const observations = measuredValues(visit).filter((o) => o.measureCode === measureCode);
    const questionnaireResponses = visit.questionnaireResponses.filter((r) => scoredOn.has(r.instrumentCode));
    return observations.length || questionnaireResponses.length ? [{ ...visit, observations, questionnaireResponses }] : [];
  });
}

/** A visit's date and time in the clinic's zone, e.g. "Mon 2 Mar 2026, 09:30". */
export function visitWhen(startedAt: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(startedAt));
}

/** The path of a series' visit history, and of one visit in it. */
export function visitsPath(clientId: string, seriesId: string, sessionId?: string): string {
  const base = `/clients/${encodeURIComponent(clientId)}/series/${encodeURIComponent(seriesId)}/visits`;
  return sessionId ? `${base}/${encodeURIComponent(sessionId)}` : base;
}
