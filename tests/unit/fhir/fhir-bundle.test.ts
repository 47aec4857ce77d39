import { dateTimeIn, derivedUuid } from '@fascia/server/modules/fhir/fhir-bundle.js';
import { describe, expect, test } from 'vitest';

describe('dateTimeIn: an instant as an R4 dateTime in the clinic’s zone, with its offset', () => {
  test.each([
    ['2026-01-05T15:00:00Z', 'America/Toronto', '2026-01-05T10:00:00-05:00'],
    // Daylight saving time: the offset follows the date.
    ['2026-07-01T12:00:00Z', 'America/Toronto', '2026-07-01T08:00:00-04:00'],
    ['2026-07-01T12:00:00Z', 'UTC', '2026-07-01T12:00:00+00:00'],
    ['2026-07-01T12:00:00Z', 'Asia/Kolkata', '2026-07-01T17:30:00+05:30'],
    // The local date can differ from the UTC date.
    ['2026-01-08T01:30:45Z', 'America/Vancouver', '2026-01-07T17:30:45-08:00'],
    ['2026-12-31T23:00:00Z', 'Pacific/Auckland', '2027-01-01T12:00:00+13:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(dateTimeIn(new Date(instant), zone)).toBe(expected);
  });
});

describe('derivedUuid', () => {
  const series = '3f2b8c1e-0d4a-4e5b-9c7d-1a2b3c4d5e6f';

  test('is stable, a version 5 UUID, and differs by kind and by id', () => {
    const condition = derivedUuid('condition', series);
    expect(derivedUuid('condition', series)).toBe(condition);
    expect(condition).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedUuid('care-plan', series)).not.toBe(condition);
    expect(derivedUuid('condition', series.replace('3f', '4f'))).not.toBe(condition);
  });
});
