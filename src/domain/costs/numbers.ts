/**
 * Numbers as people type and read them. Cost results keep full precision; whatever shows them to a
 * person rounds with roundTo, so the same figure never reads two ways.
 */

/** Rounds half away from zero to `decimals` places: 2.5 → 3, -2.5 → -3, 1.005 → 1.01 at two places. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // 1.005 × 100 is 100.49999999999999 in binary; a nudge of two ulps restores the tie people see.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor * (1 + 2 * Number.EPSILON))) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Reads a plain decimal from a form: `120`, `-3`, `1.2`, or `1,2` with a decimal comma. No
 * exponents or thousands separators: `1,000` would be ambiguous between the two conventions.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}
