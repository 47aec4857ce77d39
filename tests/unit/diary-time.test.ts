import { checkDiaryTime } from '@fascia/server/modules/recording/recording.service.js';
import { describe, expect, test } from 'vitest';

/**
 * A client's diary entry: now or earlier today or yesterday, as the clinic's calendar counts days.
 * At 2026-12-02T03:00Z it is 22:00 on 1 December in Toronto, so "yesterday" there is 30 November,
 * which starts at 05:00Z; in UTC it would already be 2 December (yesterday: 1 December).
 */
const now = new Date('2026-12-02T03:00:00Z');
const zone = 'America/Toronto';

function ruleOf(takenAt: string, timeZone = zone): string | null {
  try {
    checkDiaryTime(new Date(takenAt), timeZone, now);
    return null;
  } catch (error) {
    return (error as { rule?: string }).rule ?? 'unexpected';
  }
}

describe('checkDiaryTime', () => {
  test.each([
    ['now', '2026-12-02T03:00:00Z'],
    ['earlier today (Toronto)', '2026-12-01T14:00:00Z'],
    ['the first instant of yesterday in Toronto', '2026-11-30T05:00:00Z'],
    ['a phone clock 5 minutes ahead', '2026-12-02T03:05:00Z'],
  ])('allows %s', (_what, takenAt) => {
    expect(ruleOf(takenAt)).toBeNull();
  });

  test.each([
    ['the last minute of the day before yesterday in Toronto', '2026-11-30T04:59:00Z', 'not-before-yesterday'],
    ['last week', '2026-11-25T12:00:00Z', 'not-before-yesterday'],
    ['6 minutes ahead', '2026-12-02T03:06:00Z', 'not-in-future'],
    ['tomorrow', '2026-12-03T03:00:00Z', 'not-in-future'],
  ])('refuses %s', (_what, takenAt, rule) => {
    expect(ruleOf(takenAt)).toBe(rule);
  });

  test('counts days in the clinic’s time zone, not the server’s', () => {
    // The same instant is "yesterday" in Toronto and "the day before yesterday" in UTC.
    expect(ruleOf('2026-11-30T05:00:00Z', zone)).toBeNull();
    expect(ruleOf('2026-11-30T05:00:00Z', 'UTC')).toBe('not-before-yesterday');
  });

  test('the refusal names the field', () => {
    expect(() => checkDiaryTime(new Date('2026-11-01T00:00:00Z'), zone, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'takenAt' }),
    );
  });
});
