import { describe, expect, test } from 'vitest';
import { endSentence } from './format';

describe('endSentence', () => {
  test('adds a full stop, but not a second one after "a.m."', () => {
    const time = new Intl.DateTimeFormat('en-CA', { timeStyle: 'short', timeZone: 'UTC' }).format(new Date('2026-12-09T06:55:00Z'));
    expect(time).toMatch(/a\.m\.$/);
    expect(endSentence(`until ${time}`)).toBe(`until ${time}`);
    expect(endSentence('until 6:55 AM')).toBe('until 6:55 AM.');
  });
});
