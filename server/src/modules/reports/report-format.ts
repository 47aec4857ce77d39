/*
 * How the report prints numbers. Every number is the progress API's value rounded for print and nothing
 * else: values, changes and MCIDs with the decimals the measure is recorded with (measure catalog), percent
 * change whole, slopes per week with 2 decimals, means within visits with one more than the measure, minutes
 * and weeks with at most one. A minus is ASCII '-', so the printed text reads back as a number.
 */

/** The paper a PDF report is laid out for. */
export const paperSizes = ['A4', 'LETTER'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** `value` with `decimals` places; never "-0". */
export function formatNumber(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** The same with an explicit sign for a non-zero change: "+2", "-1.5", "0". */
export function formatSigned(value: number, decimals: number): string {
  const text = formatNumber(value, decimals);
  return text.startsWith('-') || /^0(\.0+)?$/.test(text) ? text : `+${text}`;
}

/** Minutes and weeks: at most one decimal, none when whole ("22.5", "45"). */
export function formatShort(value: number): string {
  return formatNumber(value, Number.isInteger(Math.round(value * 10) / 10) ? 0 : 1);
}

/** Decimals of a slope per week and of a mean change within visits, from the measure's own. */
export const slopeDecimals = 2;
export const meanChangeDecimals = (measureDecimals: number) => measureDecimals + 1;
