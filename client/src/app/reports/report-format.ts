/*
 * The print view prints numbers by the same rules as the PDF (server/src/modules/reports/report-format.ts):
 * values and changes with the measure's decimals, percent whole, slopes with 2 decimals, means within
 * visits with one more than the measure, minutes and weeks with at most one.
 */

export function formatNumber(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export function formatSigned(value: number, decimals: number): string {
  const text = formatNumber(value, decimals);
  return text.startsWith('-') || /^0(\.0+)?$/.test(text) ? text : `+${text}`;
}

export function formatShort(value: number): string {
  return formatNumber(value, Number.isInteger(Math.round(value * 10) / 10) ? 0 : 1);
}

/** The address of the report's PDF, with the options given (empty ones left out). */
export function reportPdfPath(seriesId: string, options: { from?: string; to?: string; paper?: string; recipient?: string } = {}): string {
  const query = new URLSearchParams(Object.entries(options).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const search = query.toString();
  return `/reports/series/${encodeURIComponent(seriesId)}.pdf${search ? `?${search}` : ''}`;
}

/** The print view's address on the therapist's side. */
export function reportViewPath(
  clientId: string,
  seriesId: string,
  options: { from?: string; to?: string; recipient?: string } = {},
): string {
  const query = new URLSearchParams(Object.entries(options).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const search = query.toString();
  return `/clients/${encodeURIComponent(clientId)}/series/${encodeURIComponent(seriesId)}/report${search ? `?${search}` : ''}`;
}
