/** The signed-in account's own API tokens page; every role's layout that allows tokens links to it. */
export const apiTokensPath = '/api-tokens';

/** An instant as a date and time for people, in the clinic's zone when one is known. */
export function formatInstant(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
}

/** An instant as a date only. */
export function formatDay(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}
