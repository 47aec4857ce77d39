import { describe, expect, test } from 'vitest';
import { nprs, prePost, present, regionNames, weeklySessions } from '../test/fixtures';
import { buildRegionSeries, type MeasureInfo, mcidBand, summariseRegion, valueAxisTitle } from './measure-series';

const sessions = weeklySessions(4);
const at = (i: number) => sessions[i]?.startedAt ?? '';

describe('buildRegionSeries', () => {
  test('gives each session its value before and after, in clinical order', () => {
    const [region, ...others] = buildRegionSeries({
      measure: nprs,
      // The API's order is not trusted: sessions come shuffled.
      sessions: [2, 0, 1].map((i) => present(sessions[i])),
      observations: [...prePost('s2', at(1), 6, 4), ...prePost('s1', at(0), 7, 5), ...prePost('s3', at(2), 5, 3)],
      regionNames,
    });
    expect(others).toEqual([]);
    expect(region?.label).toBe('Neck');
    expect(region?.sessions.map(({ sessionNumber, pre, post }) => ({ sessionNumber, pre, post }))).toEqual([
      { sessionNumber: 1, pre: 7, post: 5 },
      { sessionNumber: 2, pre: 6, post: 4 },
      { sessionNumber: 3, pre: 5, post: 3 },
    ]);
  });

  test('the baseline is the first value before a session, and the band is baseline ± the catalog MCID', () => {
    const [region] = buildRegionSeries({
      measure: nprs,
      sessions,
      observations: [...prePost('s1', at(0), 6, 4), ...prePost('s2', at(1), 5, 3)],
      regionNames,
    });
    expect(region?.baseline).toBe(6);
    expect(region?.band).toEqual({ low: 4, high: 8 });

    // Another MCID in the catalog moves the band: nothing about 2 points is built in.
    const [wider] = buildRegionSeries({ measure: { ...nprs, mcid: 3 }, sessions, observations: prePost('s1', at(0), 6, 4), regionNames });
    expect(wider?.band).toEqual({ low: 3, high: 9 });
  });

  test('the band stays inside the measure range, and is absent without an MCID', () => {
    expect(mcidBand(9, nprs)).toEqual({ low: 7, high: 10 });
    expect(mcidBand(1, nprs)).toEqual({ low: 0, high: 3 });
    expect(mcidBand(5, { ...nprs, mcid: null })).toBeNull();
    expect(mcidBand(null, nprs)).toBeNull();
  });

  test('splits values by region and side, the region with most sessions first', () => {
    const regions = buildRegionSeries({
      measure: nprs,
      sessions,
      observations: [
        ...prePost('s1', at(0), 3, 2, { regionCode: 'SHOULDER', side: 'LEFT' }),
        ...prePost('s1', at(0), 8, 6, { regionCode: 'LOWER_BACK' }),
        ...prePost('s2', at(1), 7, 5, { regionCode: 'LOWER_BACK' }),
        ...prePost('s2', at(1), 4, 4, { regionCode: 'SHOULDER', side: 'RIGHT' }),
      ],
      regionNames,
    });
    expect(regions.map((r) => [r.label, r.sessions.map((s) => [s.pre, s.post]), r.baseline])).toEqual([
      [
        'Lower back',
        [
          [8, 6],
          [7, 5],
        ],
        8,
      ],
      ['Left shoulder', [[3, 2]], 3],
      ['Right shoulder', [[4, 4]], 4],
    ]);
    // Each region's session keeps its number in the whole series.
    expect(regions.find((r) => r.side === 'RIGHT')?.sessions[0]?.sessionNumber).toBe(2);
  });

  test('a missing value before or after stays missing; a session without values is left out', () => {
    const [region] = buildRegionSeries({
      measure: nprs,
      sessions,
      observations: [...prePost('s1', at(0), null, 5), ...prePost('s2', at(1), 6, null), ...prePost('s4', at(3), 4, 2)],
      regionNames,
    });
    expect(region?.sessions.map((s) => [s.sessionNumber, s.pre, s.post])).toEqual([
      [1, null, 5],
      [2, 6, null],
      [4, 4, 2],
    ]);
    // No value before session 1, so the baseline is the first value before a session that exists.
    expect(region?.baseline).toBe(6);
  });

  test('a parent’s and the therapist’s values are series of their own, labelled with their source, never averaged in', () => {
    const regions = buildRegionSeries({
      measure: nprs,
      sessions: sessions.slice(0, 2),
      observations: [
        ...prePost('s1', at(0), 7, 5),
        ...prePost('s2', at(1), 5, 3),
        ...prePost('s1', at(0), 8, null, { reportedBy: 'reported by a parent (proxy)' }),
        ...prePost('s2', at(1), 6, null, { reportedBy: 'reported by a parent (proxy)' }),
        ...prePost('s2', at(1), 4, null, { reportedBy: 'observed by the therapist' }),
      ],
      regionNames,
    });
    expect(regions.map((r) => [r.label, r.reportedBy, r.sessions.map((s) => [s.pre, s.post]), r.baseline])).toEqual([
      [
        'Neck, reported by a parent (proxy)',
        'reported by a parent (proxy)',
        [
          [8, null],
          [6, null],
        ],
        8,
      ],
      [
        'Neck, self-report',
        'self-report',
        [
          [7, 5],
          [5, 3],
        ],
        7,
      ],
      ['Neck, observed by the therapist', 'observed by the therapist', [[4, null]], 4],
    ]);
  });

  test('ignores values between sessions and values of sessions it was not given; the last of duplicates wins', () => {
    const [region] = buildRegionSeries({
      measure: nprs,
      sessions: sessions.slice(0, 1),
      observations: [
        ...prePost('s1', at(0), 7, 5),
        {
          sessionId: 's1',
          context: 'POST_SESSION',
          regionCode: 'NECK',
          side: null,
          value: 4,
          takenAt: '2026-03-02T11:00:00.000Z',
          reportedBy: 'self-report',
        },
        {
          sessionId: null,
          context: 'BETWEEN_SESSIONS',
          regionCode: 'NECK',
          side: null,
          value: 9,
          takenAt: '2026-03-04T09:00:00.000Z',
          reportedBy: 'self-report',
        },
        ...prePost('elsewhere', at(0), 1, 1),
      ],
      regionNames,
    });
    expect(region?.sessions.map((s) => [s.pre, s.post])).toEqual([[7, 4]]);
  });

  test('no values: no regions', () => {
    expect(buildRegionSeries({ measure: nprs, sessions, observations: [], regionNames })).toEqual([]);
  });
});

describe('summariseRegion', () => {
  const series = (pres: (number | null)[], measure: MeasureInfo = nprs) =>
    present(
      buildRegionSeries({ measure, sessions, observations: pres.flatMap((pre, i) => prePost(`s${i + 1}`, at(i), pre, 1)), regionNames })[0],
    );

  test('a drop of at least the MCID in pain is a clinically important improvement', () => {
    const summary = summariseRegion(series([7, 6, 5]), nprs);
    expect(summary).toMatchObject({ latestPre: 5, change: -2, verdict: 'improved' });
    expect(summary.text).toBe('Baseline 7; latest value before a session 5 (2 lower): a clinically important improvement (MCID 2).');
  });

  test('smaller changes stay within the MCID; a rise in pain beyond it is a worsening', () => {
    expect(summariseRegion(series([7, 6]), nprs).verdict).toBe('within-mcid');
    expect(summariseRegion(series([4, 7]), nprs).verdict).toBe('worsened');
    expect(summariseRegion(series([4, 7]), { ...nprs, direction: 'HIGHER_IS_BETTER' }).verdict).toBe('improved');
    expect(summariseRegion(series([4, 7]), { ...nprs, mcid: null }).verdict).toBe('no-mcid');
  });

  test('one value is a baseline only', () => {
    expect(summariseRegion(series([7]), nprs)).toMatchObject({ verdict: null, text: 'Baseline 7; no later value before a session yet.' });
  });
});

test('the value axis names the scale: "Pain (NPRS 0-10)"', () => {
  expect(valueAxisTitle(nprs)).toBe('Pain (NPRS 0-10)');
});

test('axis titles and labels name a measure in words, never by its code', () => {
  const flexion = { ...nprs, code: 'SHOULDER_FLEXION', name: 'Shoulder flexion', kind: 'RANGE_OF_MOTION' as const, unitLabel: '°' };
  expect(valueAxisTitle(flexion)).toBe('Shoulder flexion (°)');
  expect(valueAxisTitle(flexion)).not.toContain('SHOULDER_FLEXION');
});
