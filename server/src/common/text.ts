/**
 * A NUL character (PostgreSQL's text and jsonb refuse it: the statement would fail) or a lone UTF-16
 * surrogate half (not Unicode: the driver would silently store U+FFFD in its place, jsonb refuses it).
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL cannot store faithfully. */
export function isMalformedText(text: string): boolean {
  return text.includes('\u0000') || loneSurrogate.test(text);
}

const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The same text with NUL and lone surrogates replaced by U+FFFD, for what is only recorded (the audit trail). */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').replace(loneSurrogates, '\uFFFD');
}
