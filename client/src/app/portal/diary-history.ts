import type { ChartData, ChartOptions } from 'chart.js';
import type { MyDiaryEntriesQuery } from '../../graphql/generated/graphql';
import { directionWords, type PlainMeasure } from './plain-language';

type Observation = NonNullable<MyDiaryEntriesQuery['viewer']['client']>['series'][number]['observations'][number];

/** One value on the history: the client's own diary entry, or one measured at the clinic before or after a visit. */
export interface HistoryPoint {
  id: string;
  takenAt: string;
  value: number;
  note: string | null;
  source: 'DIARY' | 'BEFORE_VISIT' | 'AFTER_VISIT';
}

/** One place that hurts, with its diary and clinic values in time order. */
export interface HistoryPlace {
  key: string;
  /** "Neck", "Left shoulder". */
  label: string;
  points: HistoryPoint[];
}

export const sourceWords: Record<HistoryPoint['source'], string> = {
  DIARY: 'Your diary',
  BEFORE_VISIT: 'At the clinic, before the visit',
  AFTER_VISIT: 'At the clinic, after the visit',
};

function sourceOf(o: Observation): HistoryPoint['source'] | null {
  // Between visits is the diary, whoever typed it in (a therapist may enter a paper diary), as progress counts it.
  if (o.context === 'BETWEEN_SESSIONS') return 'DIARY';
  if (!o.sessionId) return null;
  return o.context === 'PRE_SESSION' ? 'BEFORE_VISIT' : 'AFTER_VISIT';
}

/**
 * The client's values of one measure per place, for the places they have diary entries for: their
 * own entries next to the values measured at their visits. Places with no diary entry are left out.
 */
export function historyPlaces(data: MyDiaryEntriesQuery): HistoryPlace[] {
  const regions = new Map(data.bodyRegions.map((r) => [r.code, r.name]));
  const places = new Map<string, HistoryPlace>();
  for (const o of (data.viewer.client?.series ?? []).flatMap((s) => s.observations)) {
    const source = sourceOf(o);
    if (!source) continue;
    const key = `${o.regionCode ?? ''}|${o.side ?? ''}`;
    let place = places.get(key);
    if (!place) {
      const name = o.regionCode ? (regions.get(o.regionCode) ?? o.regionCode) : 'Pain';
      const label = o.side ? `${o.side === 'LEFT' ? 'Left' : 'Right'} ${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
      place = { key, label, points: [] };
      places.set(key, place);
    }
    place.points.push({ id: o.id, takenAt: o.takenAt, value: o.value, note: o.note ?? null, source });
  }
  return [...places.values()]
    .filter((p) => p.points.some((point) => point.source === 'DIARY'))
    .map((p) => ({ ...p, points: p.points.sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt)) }));
}

/** Okabe-Ito colours (told apart with colour-blindness too), each with its own point shape. */
const styles = {
  diary: { color: '#0072B2', pointStyle: 'circle' as const },
  clinic: { color: '#D55E00', pointStyle: 'rectRot' as const },
};

/** Two datasets on a time axis (milliseconds): the diary as a line, the clinic's values as points. */
export function toHistoryChartData(place: HistoryPlace): ChartData<'line', { x: number; y: number }[]> {
  const of = (diary: boolean) =>
    place.points.filter((p) => (p.source === 'DIARY') === diary).map((p) => ({ x: Date.parse(p.takenAt), y: p.value }));
  return {
    datasets: [
      {
        label: sourceWords.DIARY,
        data: of(true),
        borderColor: styles.diary.color,
        backgroundColor: styles.diary.color,
        pointStyle: styles.diary.pointStyle,
        pointRadius: 4,
        borderWidth: 2,
        clip: false,
      },
      {
        label: 'At the clinic',
        data: of(false),
        borderColor: styles.clinic.color,
        backgroundColor: styles.clinic.color,
        pointStyle: styles.clinic.pointStyle,
        pointRadius: 6,
        showLine: false,
        clip: false,
      },
    ],
  };
}

/** The whole scale on the value axis (0 to 10), dates on the time axis, in the clinic's time zone. */
export function historyChartOptions(
  measure: PlainMeasure,
  format: { locale?: string; timeZone?: string | undefined },
  animate: boolean,
): ChartOptions<'line'> {
  const day = new Intl.DateTimeFormat(format.locale, {
    day: 'numeric',
    month: 'short',
    ...(format.timeZone ? { timeZone: format.timeZone } : {}),
  });
  const full = new Intl.DateTimeFormat(format.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(format.timeZone ? { timeZone: format.timeZone } : {}),
  });
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? {} : false,
    scales: {
      x: { type: 'linear', ticks: { maxTicksLimit: 6, callback: (v) => day.format(new Date(Number(v))) } },
      y: {
        min: measure.min,
        max: measure.max,
        ticks: { stepSize: measure.max - measure.min <= 10 ? 1 : undefined },
        title: { display: true, text: `Pain, ${measure.min} to ${measure.max} (${directionWords(measure)})` },
      },
    },
    plugins: {
      // The legend shows each dataset's point shape, so it does not rest on colour alone.
      legend: { position: 'bottom', labels: { usePointStyle: true } },
      tooltip: { callbacks: { title: (items) => (items[0] ? full.format(new Date(items[0].parsed.x ?? 0)) : '') } },
    },
  };
}
