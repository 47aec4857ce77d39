/**
 * When a diary entry is for: now, or a time earlier today or yesterday, on the clinic's calendar and
 * clock (the server counts "yesterday" the same way and refuses anything else).
 */
export type DiaryWhen = 'NOW' | 'TODAY' | 'YESTERDAY';

/** The wall-clock reading of an instant in a time zone. */
function wallClock(instant: number, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { date: Date.UTC(part('year'), part('month') - 1, part('day')), minutes: part('hour') * 60 + part('minute') };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(instant: number, timeZone: string | undefined): string {
  return new Date(wallClock(instant, timeZone).date).toISOString().slice(0, 10);
}

/**
 * The instant a wall-clock time (`HH:MM`) on a calendar date names in a time zone. The zone's offset is
 * read at a first guess and once more at the result, which settles it on either side of a clock change.
 */
export function instantIn(date: string, time: string, timeZone: string | undefined): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wanted = Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(guess, timeZone);
    guess += wanted - (seen.date + seen.minutes * 60_000);
  }
  return guess;
}

/** The instant a diary entry is for, or the reason it cannot be (a time later than now). */
export function diaryInstant(
  when: DiaryWhen,
  time: string,
  timeZone: string | undefined,
  now = Date.now(),
): { at: number } | { problem: string } {
  if (when === 'NOW') return { at: now };
  if (!/^\d{2}:\d{2}$/.test(time)) return { problem: 'Choose the time, for example 08:30.' };
  const today = dateIn(now, timeZone);
  const day = when === 'TODAY' ? today : new Date(Date.parse(`${today}T00:00:00Z`) - 24 * 3600_000).toISOString().slice(0, 10);
  const at = instantIn(day, time, timeZone);
  if (at > now) return { problem: 'That time has not come yet today: choose an earlier time, or "Now".' };
  return { at };
}
