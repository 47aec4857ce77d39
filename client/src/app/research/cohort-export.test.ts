import { describe, expect, test } from 'vitest';
import { downloadCohortCsv, type ExportProgress } from './cohort-export';

const header =
  'participant,age_band,sex,condition,main_modality,series_minutes,visit_number,day,visit_minutes,measure,unit,region,side,pre,post\r\n';
const row = (participant: string, visit: number) =>
  `${participant},AGE_40_49,FEMALE,NECK_PAIN,SWEDISH,240,${visit},${visit * 7},60,NPRS,{score},NECK,,6,4\r\n`;

/** A streamed answer cut into chunks at awkward places (mid-line), as a network delivers it. */
function streamed(text: string, chunkSize: number, headers: Record<string, string>): typeof fetch {
  const bytes = new TextEncoder().encode(text);
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += chunkSize) controller.enqueue(bytes.slice(at, at + chunkSize));
          controller.close();
        },
      }),
      { status: 200, headers: { 'content-type': 'text/csv', ...headers } },
    );
}

describe('the CSV export', () => {
  test('progress counts bytes, rows and participants as chunks arrive; the file is exactly what was sent', async () => {
    const text = header + row('aa11', 1) + row('aa11', 2) + row('bb22', 1) + row('cc33', 1) + row('cc33', 2);
    const seen: ExportProgress[] = [];
    const { blob, progress } = await downloadCohortCsv({ measureCode: 'NPRS', filter: {} }, (p) => seen.push(p), {
      fetch: streamed(text, 50, { 'x-cohort-clients': '4' }),
    });
    expect(await blob.text()).toBe(text);
    expect(progress).toEqual({ bytes: new TextEncoder().encode(text).length, rows: 5, participants: 3, clients: 4 });
    expect(seen.length).toBeGreaterThan(3);
    // Never backwards, and never ahead of what has arrived.
    for (const [i, p] of seen.entries()) {
      expect(p.rows).toBeGreaterThanOrEqual(seen[i - 1]?.rows ?? 0);
      expect(p.participants).toBeLessThanOrEqual(p.clients ?? 0);
    }
  });

  test('the request carries the measure and filter as JSON', async () => {
    let sent: RequestInit | undefined;
    const fake: typeof fetch = async (_url, init) => {
      sent = init;
      return streamed(header, 1000, {})('');
    };
    await downloadCohortCsv({ measureCode: 'ODI', filter: { sex: 'MALE' } }, () => {}, { fetch: fake });
    expect(sent?.method).toBe('POST');
    expect(JSON.parse(String(sent?.body))).toEqual({ measureCode: 'ODI', filter: { sex: 'MALE' } });
  });

  test.each([
    [400, { code: 'COHORT_TOO_SMALL' }, 'The cohort has fewer clients than the minimum cell size (11); nothing is exported.'],
    [403, { code: 'FORBIDDEN' }, "Your account is not allowed to do this. If you think it should be, ask your clinic's admin."],
  ])('a refusal (%i %j) is told in words', async (status, extensions, message) => {
    const fake: typeof fetch = async () =>
      new Response(
        JSON.stringify({
          errors: [{ message: 'The cohort has fewer clients than the minimum cell size (11); nothing is exported.', extensions }],
        }),
        {
          status,
          headers: { 'content-type': 'application/json' },
        },
      );
    await expect(downloadCohortCsv({ measureCode: 'NPRS', filter: {} }, () => {}, { fetch: fake })).rejects.toThrow(message);
  });

  test('a connection cut half-way is an error, not a short file', async () => {
    const fake: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(header));
            controller.error(new Error('socket hang up'));
          },
        }),
        { status: 200 },
      );
    await expect(downloadCohortCsv({ measureCode: 'NPRS', filter: {} }, () => {}, { fetch: fake })).rejects.toThrow(
      /stopped before the end/,
    );
  });
});
