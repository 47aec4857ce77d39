import { describeFailure, describeGraphQLError, type GraphQLErrorEntry } from '../../graphql/errors';
import type { CohortFilterInput } from '../../graphql/generated/graphql';

/** How far a download has come: the server sends the cohort's size first and rows by participant. */
export interface ExportProgress {
  bytes: number;
  /** Data rows (the header not counted). */
  rows: number;
  /** Participants whose rows have started to arrive. */
  participants: number;
  /** The cohort's clients (`X-Cohort-Clients`); null when the server did not say. */
  clients: number | null;
}

export class ExportError extends Error {}

/** The server's refusal (a JSON error body) in words. */
async function refusal(response: Response): Promise<ExportError> {
  try {
    const body = (await response.json()) as { errors?: GraphQLErrorEntry[] };
    const first = body.errors?.[0];
    // The export's own refusal ("fewer clients than the minimum cell size") is already written for people.
    if (first?.extensions?.code === 'COHORT_TOO_SMALL' || first?.extensions?.code === 'COHORT_OVERLAP')
      return new ExportError(first.message);
    if (first) return new ExportError(describeGraphQLError(first));
  } catch {
    // Not JSON: fall back to the status.
  }
  return new ExportError(describeFailure({ kind: 'http', status: response.status }));
}

/**
 * Downloads the de-identified CSV of a cohort (`POST /research/export.csv`), reading the stream as it
 * arrives and reporting progress after each chunk. Resolves with the whole file as a Blob.
 */
export async function downloadCohortCsv(
  query: { measureCode: string | null; filter: CohortFilterInput },
  onProgress: (progress: ExportProgress) => void,
  options: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<{ blob: Blob; progress: ExportProgress }> {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await send('/research/export.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify(query),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ExportError(describeFailure({ kind: 'network' }));
  }
  if (!response.ok || !response.body) throw await refusal(response);

  const clientsHeader = response.headers.get('x-cohort-clients');
  const progress: ExportProgress = { bytes: 0, rows: -1, participants: 0, clients: clientsHeader === null ? null : Number(clientsHeader) };
  const parts: Uint8Array[] = [];
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let partial = '';
  let lastParticipant: string | null = null;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      progress.bytes += value.byteLength;
      const lines = (partial + decoder.decode(value, { stream: true })).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        progress.rows += 1;
        // Rows come ordered by participant (the first field): a new value is a new participant.
        const participant = line.slice(0, line.indexOf(','));
        if (progress.rows > 0 && participant !== lastParticipant) {
          progress.participants += 1;
          lastParticipant = participant;
        }
      }
      onProgress({ ...progress, rows: Math.max(progress.rows, 0) });
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    // The server cuts the connection when an export fails half-way: the file would be incomplete.
    throw new ExportError('The export stopped before the end (the connection was cut). Nothing was saved; try again.');
  }
  return { blob: new Blob(parts as BlobPart[], { type: 'text/csv' }), progress: { ...progress, rows: Math.max(progress.rows, 0) } };
}
