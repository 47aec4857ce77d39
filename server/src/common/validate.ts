import { BadInputError } from './errors.js';

/**
 * Small input checks shared by the services. Each throws a BadInputError that
 * names the field and the rule, so the caller knows exactly what to fix.
 */

export function checkText(field: string, value: string | null | undefined, max: number, required = false): void {
  if (value === null || value === undefined) {
    if (required) throw new BadInputError(field, 'required', 'is required');
    return;
  }
  if (required && value.trim() === '') throw new BadInputError(field, 'required', 'must not be empty');
  if (value.length > max) {
    throw new BadInputError(field, 'max-length', `must be at most ${max} characters (got ${value.length})`);
  }
}

export function checkInteger(field: string, value: number | null | undefined, min: number, max: number): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value)) throw new BadInputError(field, 'integer', `must be a whole number (got ${value})`);
  if (value < min || value > max) {
    throw new BadInputError(field, 'range', `must be between ${min} and ${max} (got ${value})`);
  }
}

export function checkNumber(field: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value)) throw new BadInputError(field, 'finite', 'must be a finite number');
  if (value < min || value > max) {
    throw new BadInputError(field, 'range', `must be between ${min} and ${max} (got ${value})`);
  }
}

/** Clinical times must be plausible: not before 1900 and not more than a day in the future. */
export function checkClinicalTime(field: string, value: Date, now = new Date()): void {
  if (Number.isNaN(value.getTime())) throw new BadInputError(field, 'date', 'is not a valid date-time');
  if (value.getUTCFullYear() < 1900) throw new BadInputError(field, 'not-before-1900', 'must not be before 1900');
  if (value.getTime() > now.getTime() + 24 * 3600 * 1000) {
    throw new BadInputError(field, 'not-in-future', 'must not be more than a day in the future');
  }
}

/** UTC+14 is the furthest ahead any clinic's calendar can be: its "today" may be UTC's tomorrow. */
const furthestZoneAheadMs = 14 * 3600 * 1000;

/** A calendar date (YYYY-MM-DD) within [1900-01-01, today + `futureDays`], today as seen in any time zone. */
export function checkLocalDate(field: string, value: string, futureDays = 0, now = new Date()): void {
  const date = new Date(`${value}T00:00:00Z`);
  // JavaScript rolls 2026-02-30 over to March 2; PostgreSQL refuses it: a real calendar date reads back the same.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new BadInputError(field, 'date', 'must be a calendar date YYYY-MM-DD');
  }
  if (date.getUTCFullYear() < 1900) throw new BadInputError(field, 'not-before-1900', 'must not be before 1900');
  const latestToday = new Date(now.getTime() + furthestZoneAheadMs).toISOString().slice(0, 10);
  if (date.getTime() > new Date(`${latestToday}T00:00:00Z`).getTime() + futureDays * 24 * 3600 * 1000) {
    throw new BadInputError(
      field,
      'not-in-future',
      futureDays === 0 ? 'must not be in the future' : `must be at most ${futureDays} days ahead`,
    );
  }
}

export function checkEmail(field: string, value: string | null | undefined): void {
  if (value === null || value === undefined || value === '') return;
  checkText(field, value, 254);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new BadInputError(field, 'email', 'is not an email address');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row, so callers answer NOT_FOUND rather than hit the database. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** The canonical form of a BCP 47 language tag, e.g. `fr-ca` -> `fr-CA`; throws RangeError for a malformed one. */
export function canonicalLanguageTag(tag: string): string {
  const [canonical] = Intl.getCanonicalLocales(tag.trim());
  if (!canonical) throw new RangeError(`not a language tag: "${tag}"`);
  return canonical;
}

/** A BCP 47 language tag (`en`, `fr-CA`), as Intl understands it, of at most 35 characters. */
export function checkLanguageTag(field: string, value: string): void {
  checkText(field, value, 35);
  try {
    canonicalLanguageTag(value);
  } catch {
    throw new BadInputError(field, 'language-tag', `"${value}" is not a BCP 47 language tag such as en or fr-CA`);
  }
}

/** An IANA time zone name that this runtime knows, e.g. `America/Toronto`. */
export function checkTimeZone(field: string, value: string): void {
  checkText(field, value, 64, true);
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new BadInputError(field, 'time-zone', `"${value}" is not an IANA time zone such as America/Toronto`);
  }
}
