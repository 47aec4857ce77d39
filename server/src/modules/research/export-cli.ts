/*
 * Downloads a de-identified cohort export and its data dictionary, printing progress:
 *
 *   FASCIA_TOKEN=<researcher API token> npx -y pnpm@12.21.0 research:export --out cohort.csv \
 *     [--measure NPRS] [--filter '{"conditionCode":"NECK_PAIN","sex":"FEMALE"}'] [--url http://127.0.0.1:4000]
 *
 * Writes <out> and <out without .csv>.dictionary.csv. Rows arrive ordered by participant, so the
 * participants seen against the cohort size (the X-Cohort-Clients header) is the share done.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      measure: { type: 'string' },
      filter: { type: 'string' },
      url: { type: 'string', default: 'http://127.0.0.1:4000' },
    },
  });
  const token = process.env.FASCIA_TOKEN;
  if (!values.out || !token) {
    throw new Error("usage: FASCIA_TOKEN=<token> research:export --out FILE.csv [--measure CODE] [--filter '{...}'] [--url URL]");
  }
  // pnpm runs the script in server/: a relative --out is taken from where the command was typed.
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const body = JSON.stringify({ measureCode: values.measure ?? null, filter: values.filter ? JSON.parse(values.filter) : null });
  const response = await fetch(`${values.url}/research/export.csv`, { method: 'POST', headers, body });
  if (response.status !== 200 || !response.body) throw new Error(`export refused (${response.status}): ${await response.text()}`);
  const clients = Number(response.headers.get('x-cohort-clients'));
  const file = createWriteStream(out);
  const decoder = new TextDecoder();
  const started = Date.now();
  let [rows, seen, bytes, lastParticipant, pending, lastReport] = [-1, 0, 0, '', '', 0];
  for await (const chunk of response.body) {
    bytes += chunk.length;
    if (!file.write(chunk)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
    // Count rows and participants as they pass (the participant is the first field, never quoted).
    const lines = (pending + decoder.decode(chunk, { stream: true })).split('\r\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      rows++;
      const participant = line.slice(0, line.indexOf(','));
      if (rows > 0 && participant !== lastParticipant) [seen, lastParticipant] = [seen + 1, participant];
    }
    if (Date.now() - lastReport > 1000) {
      lastReport = Date.now();
      const share = clients > 0 ? ` (${((100 * seen) / clients).toFixed(0)}%)` : '';
      process.stderr.write(
        `${rows.toLocaleString('en')} rows, ${seen}/${clients} participants${share}, ${(bytes / 1_048_576).toFixed(1)} MB\n`,
      );
    }
  }
  await new Promise<void>((resolve) => file.end(() => resolve()));
  const dictionary = await fetch(`${values.url}/research/export-dictionary.csv`, { headers });
  const dictionaryPath = out.replace(/(\.csv)?$/, '.dictionary.csv');
  // What this export generalized for k-anonymity, as a last row of its dictionary.
  const generalization = response.headers.get('x-export-generalization') ?? 'not stated';
  await writeFile(dictionaryPath, `${await dictionary.text()}${csvLine(['(this export)', '', `generalization: ${generalization}`])}`);
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(
    `done: ${rows.toLocaleString('en')} rows of ${seen} participants in ${seconds.toFixed(1)} s -> ${out} (dictionary: ${dictionaryPath})\n`,
  );
}

/** One CSV line (RFC 4180 quoting), as the server writes them. */
function csvLine(fields: string[]): string {
  return `${fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')}\r\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
