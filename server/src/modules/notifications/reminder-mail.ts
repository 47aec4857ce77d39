import type { MailMessage } from './mailer.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A short plain-text mail and the same as simple HTML, paragraph by paragraph. */
function mail(to: string, subject: string, paragraphs: string[], link?: { label: string; url: string }): MailMessage {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : [])].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`] : []),
  ].join('\n');
  return { to, subject, text: `${text}\n`, html };
}

const optOutNote = 'You get these emails from your clinic. You can turn them off on the Reminders page of your portal.';

/** The local date and time of an instant in the clinic's zone and locale, e.g. "Tuesday, March 10, 2026 at 5:30 p.m.". */
export function localDateTime(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

export interface AppointmentReminderContent {
  to: string;
  clientName: string;
  clinicName: string;
  therapistName: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  locale: string;
  portalUrl: string;
  /** The appointment as an RFC 5545 calendar (text/calendar). */
  ics: string;
}

export function appointmentReminderMail(content: AppointmentReminderContent): MailMessage {
  const when = localDateTime(content.startsAt, content.timeZone, content.locale);
  const message = mail(
    content.to,
    `Reminder: your appointment on ${when}`,
    [
      `Hello ${content.clientName},`,
      `This is a reminder of your ${content.durationMinutes}-minute massage therapy appointment with ${content.therapistName} at ${content.clinicName} on ${endSentence(when)}`,
      'The attached calendar file adds it to your calendar. If you cannot come, please let the clinic know as soon as you can.',
      optOutNote,
    ],
    { label: 'Your portal', url: content.portalUrl },
  );
  return {
    ...message,
    attachments: [{ filename: 'appointment.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: content.ics }],
  };
}

export interface DiaryPromptContent {
  to: string;
  clientName: string;
  clinicName: string;
  visitAt: Date;
  timeZone: string;
  locale: string;
  diaryUrl: string;
}

export function diaryPromptMail(content: DiaryPromptContent): MailMessage {
  const visitDay = new Intl.DateTimeFormat(content.locale, { dateStyle: 'full', timeZone: content.timeZone }).format(content.visitAt);
  return mail(
    content.to,
    'How is your pain today? A minute for your pain diary',
    [
      `Hello ${content.clientName},`,
      `Since your visit to ${content.clinicName} on ${visitDay}, how has your pain been? A short note in your pain diary helps your therapist see how the treatment is working between visits.`,
      optOutNote,
    ],
    { label: 'Open your pain diary', url: content.diaryUrl },
  );
}

/** Ends a sentence after `text` unless it already ends with a full stop (an English time such as "9:00 a.m."). */
function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
