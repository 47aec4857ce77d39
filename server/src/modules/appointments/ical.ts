/*
 * A small iCalendar (RFC 5545) writer: calendar feeds and `.ics` attachments. Times are written in UTC ("Z" form,
 * section 3.3.5 form #2), so no VTIMEZONE is needed and every calendar program places the event at the same instant.
 */

export type IcsEventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcsEvent {
  /** Globally unique and stable across edits (section 3.8.4.7): a moved event keeps its UID. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  status: IcsEventStatus;
  /** Revision number (section 3.8.7.4): raise it when the event changes, so programs take the newer copy. */
  sequence?: number;
  /** When the event was last changed: written as LAST-MODIFIED. */
  updatedAt?: Date;
}

export interface IcsCalendar {
  /** Shown by calendar programs as the calendar's name (X-WR-CALNAME, a widely read extension). */
  name?: string;
  /** PUBLISH for feeds; REQUEST / CANCEL for invitations sent by email (RFC 5546). */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  events: readonly IcsEvent[];
  /** DTSTAMP of every event: when this file was made. */
  now?: Date;
}

export const icsContentType = 'text/calendar; charset=utf-8';

/** 20260302T173000Z */
export function icsUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon, comma and newlines (section 3.3.11). */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (section 3.1): continuation lines start with one space. Splits between
 * characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; continuation lines 74 after their leading space.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsUtc(event.start)}`,
    `DTEND:${icsUtc(event.end)}`,
    `SUMMARY:${icsText(event.summary)}`,
    `STATUS:${event.status}`,
    `SEQUENCE:${event.sequence ?? 0}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${icsText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${icsText(event.location)}`);
  if (event.updatedAt) lines.push(`LAST-MODIFIED:${icsUtc(event.updatedAt)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole iCalendar object, CRLF line ends, folded. */
export function buildCalendar(calendar: IcsCalendar): string {
  const stamp = icsUtc(calendar.now ?? new Date());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Fascia//Appointments//EN', 'CALSCALE:GREGORIAN'];
  if (calendar.method) lines.push(`METHOD:${calendar.method}`);
  if (calendar.name) lines.push(`X-WR-CALNAME:${icsText(calendar.name)}`);
  for (const event of calendar.events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
