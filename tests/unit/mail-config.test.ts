import { ConfigError, loadConfig } from '@fascia/server/config.js';
import { describe, expect, test } from 'vitest';

describe('mail and reminder configuration', () => {
  test('SMTP_URL takes smtp:// and smtps:// URLs with a host; unset means none', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example.org:465' }).smtpUrl).toBe('smtps://user:secret@mail.example.org:465');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
  });

  test.each(['http://mail.example.org', 'mail.example.org:587', 'smtp://'])(
    'SMTP_URL=%s stops the server with a message naming it',
    (value) => {
      expect(() => loadConfig({ SMTP_URL: value })).toThrow(ConfigError);
      expect(() => loadConfig({ SMTP_URL: value })).toThrow(/SMTP_URL/);
    },
  );

  test('SMTP_FROM is an address, with an optional name', () => {
    expect(loadConfig({ SMTP_FROM: 'Clinic <reminders@example.org>' }).mailFrom).toBe('Clinic <reminders@example.org>');
    expect(() => loadConfig({ SMTP_FROM: 'Clinic reminders' })).toThrow(/SMTP_FROM/);
  });

  test('FASCIA_PUBLIC_URL loses its trailing slash and defaults to the local port', () => {
    expect(loadConfig({ FASCIA_PUBLIC_URL: 'https://fascia.example.org/' }).publicUrl).toBe('https://fascia.example.org');
    expect(loadConfig({ PORT: '4100' }).publicUrl).toBe('http://localhost:4100');
    expect(() => loadConfig({ FASCIA_PUBLIC_URL: 'ftp://x' })).toThrow(/FASCIA_PUBLIC_URL/);
  });

  test('reminder timings are whole numbers in range', () => {
    expect(loadConfig({}).reminders).toEqual({ enabled: true, planIntervalSeconds: 60, retryDelaySeconds: 60, pollSeconds: 2 });
    expect(() => loadConfig({ FASCIA_REMINDER_RETRY_SECONDS: '0' })).toThrow(
      /FASCIA_REMINDER_RETRY_SECONDS must be a whole number from 1 to 3600/,
    );
    expect(() => loadConfig({ FASCIA_REMINDERS: 'maybe' })).toThrow(/FASCIA_REMINDERS/);
  });
});
