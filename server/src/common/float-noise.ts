/**
 * Significant digits an arithmetic result keeps. Doubles carry 15 to 17; the binary rounding of a sum or a
 * product shows in the last of them (38.6 - 36.4 is 2.200000000000003), while no measure is recorded with more
 * than 4, so 12 drop the noise and keep every digit that means something.
 */
const significantDigits = 12;

/** A value computed in double precision without the binary rounding noise of its last digits: 2.2, not 2.200000000000003. */
export function withoutFloatNoise(value: number): number;
export function withoutFloatNoise(value: number | null): number | null;
export function withoutFloatNoise(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(significantDigits));
}
