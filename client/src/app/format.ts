/** Dates as people read them, in the clinic's time zone where it matters. */

/** A calendar date (YYYY-MM-DD) as e.g. "10 Dec 1980", without shifting it across time zones. */
export function formatLocalDate(date: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Age in whole years on `today` (YYYY-MM-DD) for a date of birth (YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's calendar date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone?: string, now = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { ...(timeZone ? { timeZone } : {}) }).format(now);
}

/**
 * Ends a sentence with a full stop, unless the text already ends with one: in en-CA a time
 * ends "a.m."/"p.m.", and "until 6:55 a.m.." reads as a typo.
 */
export function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
