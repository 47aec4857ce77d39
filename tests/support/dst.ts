import { Temporal } from 'temporal-polyfill';

/**
 * The next daylight-saving change of `timeZone` that moves the clocks `direction` (forward in spring, back in
 * autumn), found from today so the tests keep working as the years pass.
 */
export function nextClockChange(timeZone: string, direction: 'forward' | 'back', from = new Date()) {
  let at = Temporal.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(timeZone);
  for (let i = 0; i < 8; i++) {
    const next = at.getTimeZoneTransition('next');
    if (!next) break;
    const before = next.subtract({ nanoseconds: 1 }).offsetNanoseconds;
    if (next.offsetNanoseconds > before === (direction === 'forward')) {
      const date = next.toPlainDate();
      // The Monday of the week before the change (a Sunday in both zones): a 4-week plan has two weeks on each side.
      const planStart = date.subtract({ days: date.dayOfWeek - 1 }).subtract({ weeks: 1 });
      return { date: date.toString(), planStart: planStart.toString(), instant: new Date(next.epochMilliseconds) };
    }
    at = next;
  }
  throw new Error(`${timeZone} has no ${direction} clock change ahead`);
}

/** Wall-clock date and HH:MM of an instant in a zone. */
export function wallTime(instant: Date | string, timeZone: string): { date: string; time: string; offset: string } {
  const zoned = Temporal.Instant.from(new Date(instant).toISOString()).toZonedDateTimeISO(timeZone);
  return { date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }), offset: zoned.offset };
}
