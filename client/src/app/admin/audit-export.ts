import { describeFailure, describeGraphQLError, type GraphQLErrorEntry } from '../../graphql/errors';

/** The audit trail's filters as the query and the CSV download both take them (empty ones left out). */
export interface AuditFilter {
  clientId?: string;
  accountId?: string;
  operation?: string;
  refused?: boolean;
  fromDate?: string;
  toDate?: string;
}

/** Downloads the filtered audit trail (`POST /audit/export.csv`, JSON body: Fascia's CSRF rule); the file as a Blob. */
export async function downloadAuditCsv(filter: AuditFilter, send: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<Blob> {
  let response: Response;
  try {
    response = await send('/audit/export.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify(filter),
    });
  } catch {
    throw new Error(describeFailure({ kind: 'network' }));
  }
  if (!response.ok) {
    let message = describeFailure({ kind: 'http', status: response.status });
    try {
      const first = ((await response.json()) as { errors?: GraphQLErrorEntry[] }).errors?.[0];
      if (first) message = describeGraphQLError(first);
    } catch {
      // Not JSON: the status says it.
    }
    throw new Error(message);
  }
  return response.blob();
}
