import { Temporal } from 'temporal-polyfill';
import { BadInputError } from '../../common/errors.js';

/*
 * Local times in a clinic's time zone, turned into instants by Temporal (temporal-polyfill, the TC39 proposal's
 * algorithms with the IANA database of the running Node): a booking at 17:30 stays at 17:30 on the wall clock
 * across a daylight-saving change, whatever the UTC offset becomes.
 */

export const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof weekdays)[number];

/** The most appointments one recurrence may create. */
export const maxOccurrences = 200;

export interface LocalSlot {
  /** YYYY-MM-DD in the clinic's zone. */
  date: string;
  /** HH:MM, 24-hour, in the clinic's zone. */
  time: string;
}

/** Checks `HH:MM` (24-hour) and returns the Temporal time; BAD_USER_INPUT otherwise. */
export function parseLocalTime(field: string, time: string): Temporal.PlainTime {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new BadInputError(field, 'time', 'must be a time HH:MM (24-hour clock)');
  return Temporal.PlainTime.from(time);
}

export function parseLocalDate(field: string, date: string): Temporal.PlainDate {
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(date);
    return Temporal.PlainDate.from(date, { overflow: 'reject' });
  } catch {
    throw new BadInputError(field, 'date', 'must be a calendar date YYYY-MM-DD');
  }
}

/**
 * The instant a wall-clock time in `timeZone` names. A time skipped by a daylight-saving change (e.g. 02:30 on the
 * spring-forward night) names no instant and is refused with rule `dst-gap`; a time that occurs twice (the fall-back
 * night) is its first occurrence, as RFC 5545 section 3.3.5 resolves it.
 */
export function instantOf(slot: LocalSlot, timeZone: string, field = 'time'): Date {
  const local = parseLocalDate('date', slot.date).toPlainDateTime(parseLocalTime(field, slot.time));
  const zoned = local.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  // 'compatible' moves a time in a gap forward; it then reads back as another wall-clock time.
  if (!zoned.toPlainDateTime().equals(local)) {
    throw new BadInputError(
      field,
      'dst-gap',
      `${slot.time} does not exist on ${slot.date} in ${timeZone}: the clocks skip it for daylight saving time`,
    );
  }
  return new Date(zoned.epochMilliseconds);
}

/** The wall-clock date and time of an instant in `timeZone`. */
export function localSlotOf(instant: Date, timeZone: string): LocalSlot {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return { date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }) };
}

/** The day `days` after a local date (calendar days, so a week is 7 days whatever the clocks do). */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export interface WeeklyRecurrence {
  /** First day of the recurrence (YYYY-MM-DD); the first occurrence is the first listed weekday on or after it. */
  firstDate: string;
  weekdays: readonly Weekday[];
  /** HH:MM in the clinic's zone. */
  time: string;
  /** Number of weeks, counted from `firstDate`. */
  weeks: number;
}

/**
 * The local dates of a weekly recurrence: every listed weekday in [firstDate, firstDate + weeks). Refused when it
 * would make more than `maxOccurrences` appointments, before any is built.
 */
export function weeklyDates(rule: WeeklyRecurrence): string[] {
  const first = parseLocalDate('firstDate', rule.firstDate);
  if (rule.weekdays.length === 0) throw new BadInputError('weekdays', 'required', 'name at least one weekday');
  if (new Set(rule.weekdays).size !== rule.weekdays.length) throw new BadInputError('weekdays', 'duplicate', 'lists a weekday twice');
  if (!Number.isInteger(rule.weeks) || rule.weeks < 1)
    throw new BadInputError('weeks', 'range', 'must be a whole number of weeks, at least 1');
  const count = rule.weeks * rule.weekdays.length;
  if (count > maxOccurrences) {
    throw new BadInputError(
      'weeks',
      'max-occurrences',
      `${rule.weekdays.length} a week for ${rule.weeks} weeks makes ${count} appointments; at most ${maxOccurrences} are booked at once`,
    );
  }
  // Temporal numbers weekdays 1 (Monday) to 7 (Sunday), ISO 8601's order, which is the order of `weekdays`.
  const wanted = new Set(rule.weekdays.map((day) => weekdays.indexOf(day) + 1));
  const end = first.add({ weeks: rule.weeks });
  const dates: string[] = [];
  for (let day = first; Temporal.PlainDate.compare(day, end) < 0; day = day.add({ days: 1 })) {
    if (wanted.has(day.dayOfWeek)) dates.push(day.toString());
  }
  return dates;
}

/** Whether `timeZone` is an IANA zone the runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}
