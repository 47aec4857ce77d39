/*
 * Cell-key perturbation: the method of the Australian Bureau of Statistics' TableBuilder (Fraser B,
 * Wooton J, "A proposed method for confidentialising tabular output to protect against differencing",
 * UNECE Work Session on Statistical Data Confidentiality, Geneva 2005; Thompson G, Broadfoot S,
 * Elazar D, "Methodology for the automatic confidentialisation of statistical outputs from remote
 * servers at the Australian Bureau of Statistics", UNECE Work Session, Ottawa 2013).
 *
 * Every client has a fixed random research key (client.research_key, uniform in [0, 2^32), drawn by
 * PostgreSQL and never output). A cell's key is the sum of its members' keys modulo 2^32, so:
 * - the same members always give the same key, hence the same noise: asking again (or asking for the
 *   same set of clients through other filters) returns the same answer, and averaging repeats gains nothing;
 * - two cells that differ by even one member have unrelated keys, hence independent noise: the
 *   difference of their published values is the true difference plus noise of the same size.
 * The noise of a purpose (count, mean change, ...) is a pure function of (cell key, purpose): a
 * SHA-256 of both, read as uniform numbers.
 *
 * Counts get a small integer noise (ABS's "perturbation table", here -2..+2); a count whose true or
 * published value is under k is suppressed, with the same answer for 0 and for 1..k-1. Means and
 * standard deviations get a bounded (triangular, in (-1, 1)) noise times one client's largest
 * possible influence, `range / n`; a share (the responder rate) gets noise times `1 / n`. So the noise
 * is about as large as what one client adds to or takes away from a cell: for n >= 1,000 on a 0-10
 * scale the mean moves by at most 0.01, while for two cohorts of n and n - 1 the difference of
 * published means (from which an attacker would solve for the one client's value) is dominated by noise.
 */
import { createHash } from 'node:crypto';

/** Cell keys are sums of research keys modulo this (2^32, the range of a research key). */
export const cellKeyModulus = 4_294_967_296;

/** SQL for the cell key of the rows of a group, given the SQL expression of each row's research key. */
export const cellKeySql = (key: string) => `(coalesce(sum(${key}), 0) % ${cellKeyModulus})::bigint`;

/** Uniform numbers in [0, 1) that depend only on the cell key and the purpose. */
function uniforms(cellKey: number, purpose: string): [number, number] {
  const digest = createHash('sha256').update(`${cellKey}|${purpose}`).digest();
  return [digest.readUInt32BE(0) / 2 ** 32, digest.readUInt32BE(4) / 2 ** 32];
}

/** Triangular noise in (-1, 1), mean 0, SD 1/√6 (the sum of two uniforms, centred). */
export function cellNoise(cellKey: number, purpose: string): number {
  const [a, b] = uniforms(cellKey, purpose);
  return a + b - 1;
}

/** The ABS-style perturbation table of counts: -2..+2 with probabilities 0.1, 0.2, 0.4, 0.2, 0.1. */
export function countNoise(cellKey: number, purpose = 'count'): number {
  const [u] = uniforms(cellKey, purpose);
  return u < 0.1 ? -2 : u < 0.3 ? -1 : u < 0.7 ? 0 : u < 0.9 ? 1 : 2;
}

/** The largest count noise: a published count is within this of the true count. */
export const maxCountNoise = 2;

/** A count as published: null (suppressed) when the true or the perturbed count is under k, 0 included. */
export function publishCount(n: number, cellKey: number, k: number, purpose = 'count'): number | null {
  const published = n + countNoise(cellKey, purpose);
  return n < k || published < k ? null : published;
}

/**
 * A mean of `n` values that each lie in an interval of width `range`, perturbed by noise of one
 * client's largest influence (`range / n`) times a triangular draw in (-1, 1).
 */
export function perturbMean(mean: number, n: number, range: number, cellKey: number, purpose: string): number {
  return mean + (range / n) * cellNoise(cellKey, purpose);
}

/** A standard deviation, perturbed the same way (never below 0). */
export function perturbSd(sd: number, n: number, range: number, cellKey: number, purpose: string): number {
  return Math.max(0, sd + (range / n) * cellNoise(cellKey, purpose));
}

/** A share in [0, 1] of n clients, perturbed by noise of one client (1 / n), kept in [0, 1]. */
export function perturbShare(share: number, n: number, cellKey: number, purpose: string): number {
  return Math.min(1, Math.max(0, share + cellNoise(cellKey, purpose) / n));
}
