import { describe, expect, test } from 'vitest';
import { sparklinePoints } from './Sparkline';
import { bandOf, toScoreChartData } from './score-chart';

// The NDI bands as the server's measure catalog publishes them (Vernon 2008; 0-50 points).
const ndiBands = [
  { min: 0, max: 4, label: 'No disability' },
  { min: 4.1, max: 14, label: 'Mild disability' },
  { min: 14.1, max: 24, label: 'Moderate disability' },
  { min: 24.1, max: 34, label: 'Severe disability' },
  { min: 34.1, max: 50, label: 'Complete disability' },
];

describe('bandOf', () => {
  test('each edge belongs to its band; a score between two published edges goes to the higher band', () => {
    expect(bandOf(0, ndiBands)?.label).toBe('No disability');
    expect(bandOf(4, ndiBands)?.label).toBe('No disability');
    expect(bandOf(4.05, ndiBands)?.label).toBe('Mild disability');
    expect(bandOf(14.5, ndiBands)?.label).toBe('Moderate disability');
    expect(bandOf(50, ndiBands)?.label).toBe('Complete disability');
  });

  test('no bands (QuickDASH) or a score off the scale: no band', () => {
    expect(bandOf(40, [])).toBeNull();
    expect(bandOf(51, ndiBands)).toBeNull();
  });
});

test('score points in completion order, labelled with their date; a diamond marker, not colour alone', () => {
  const { labels, datasets } = toScoreChartData(
    [
      { completedAt: '2026-04-01T10:00:00.000Z', score: 12 },
      { completedAt: '2026-03-01T10:00:00.000Z', score: 20 },
    ],
    { locale: 'en-GB', timeZone: 'UTC' },
  );
  expect(labels).toEqual(['1 Mar', '1 Apr']);
  expect(datasets[0]?.data).toEqual([20, 12]);
  expect(datasets[0]?.pointStyle).toBe('rectRot');
});

test('sparkline points: first on the left, higher values higher, kept within the scale', () => {
  const scale = { min: 0, max: 10, width: 100, height: 30, pad: 5 };
  expect(sparklinePoints([10, 5, 0, 12], scale)).toEqual([
    { x: 5, y: 5 },
    { x: 35, y: 15 },
    { x: 65, y: 25 },
    { x: 95, y: 5 },
  ]);
  expect(sparklinePoints([4], scale)).toEqual([{ x: 50, y: 17 }]);
});
