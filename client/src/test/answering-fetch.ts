import type { RecordedRequest } from './fake-api';

type Answer = { data: unknown } | { errors: unknown[] };

/** A fetch that answers each operation by name from the answers queued for it and records what was sent, for form tests. */
export function answeringFetch() {
  const requests: RecordedRequest[] = [];
  const queued = new Map<string, Answer[]>();
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operationName = /(?:query|mutation) (\w+)/.exec(body.query)?.[1] ?? '';
    requests.push({ operationName, variables: body.variables });
    const answer = queued.get(operationName)?.shift();
    if (!answer) throw new Error(`no answer for ${operationName}`);
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return {
    fetch,
    requests,
    /** The variables of the requests of one operation, in order. */
    sent(operationName: string) {
      return requests.filter((r) => r.operationName === operationName).map((r) => r.variables);
    },
    /** Answers the next request of `operationName` with this. */
    queue(operationName: string, answer: Answer) {
      queued.set(operationName, [...(queued.get(operationName) ?? []), answer]);
    },
  };
}

/** A refusal as the server words it: BAD_USER_INPUT naming the field and the rule. */
export function badInput(field: string, rule: string, detail: string): Answer {
  return { errors: [{ message: `${field}: ${detail}`, extensions: { code: 'BAD_USER_INPUT', field, rule } }] };
}
