import { appointmentReminderMail } from '@fascia/server/modules/notifications/reminder-mail.js';
import { expect, test } from 'vitest';

const content = {
  to: 'client@example.com',
  clientName: 'Isabelle',
  clinicName: 'Harbourfront Therapeutic Massage',
  therapistName: 'Maya Chen',
  durationMinutes: 60,
  timeZone: 'America/Toronto',
  portalUrl: 'http://localhost:4000/portal',
  ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
};

test('the reminder sentence ends with one full stop after an English time ("a.m."), and gets one after other times', () => {
  // 14:00 UTC is 9:00 a.m. in Toronto on 3 December 2026 (EST).
  const english = appointmentReminderMail({ ...content, locale: 'en-CA', startsAt: new Date('2026-12-03T14:00:00Z') });
  expect(english.text).toMatch(/on Thursday, December 3, 2026 at 9:00\sa\.m\.\n/);
  expect(english.text).not.toContain('a.m..');
  const german = appointmentReminderMail({ ...content, locale: 'de-DE', startsAt: new Date('2026-12-03T14:00:00Z') });
  expect(german.text).toMatch(/Dezember 2026 um 09:00\.\n/);
});
