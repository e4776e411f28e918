/**
 * Exact orientation predicate for planar lon/lat coordinates.
 *
 * Validation must never call a valid polygon invalid (or the reverse) because of
 * rounding, so the sign is exact: a cheap floating-point evaluation decides whenever its
 * error bound allows (almost always), and an exact BigInt evaluation decides the rest.
 */

// Shewchuk's ccwerrboundA, "Adaptive Precision Floating-Point Arithmetic" (1997) §4:
// if |det| exceeds this fraction of |left| + |right|, the sign of det is certain.
const EPSILON = 2 ** -53;
const ERROR_BOUND = (3 + 16 * EPSILON) * EPSILON;

/**
 * Which side of the directed line a → b the point c lies on, exactly.
 *
 * Returns 1 when a, b, c turn counter-clockwise (c left of a → b), −1 when they turn
 * clockwise and 0 when they are collinear. Assumes finite inputs; differences smaller
 * than about 1e−150 could underflow, which lon/lat degrees never come near.
 *
 * @example
 * orient2d(0, 0, 1, 0, 0, 1); // 1: left turn
 * orient2d(0, 0, 1, 1, 2, 2); // 0: collinear
 * orient2d(0.5 + 2 ** -53, 0.5, 12, 12, 24, 24); // -1, where naive doubles can say 0 or 1
 */
export function orient2d(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): -1 | 0 | 1 {
  const left = (bx - ax) * (cy - ay);
  const right = (by - ay) * (cx - ax);
  const det = left - right;
  // Plain comparisons instead of Math.abs: under Jest's vm sandbox, Math calls in hot
  // loops ran ~50× slower than in plain Node.
  const size = (left < 0 ? -left : left) + (right < 0 ? -right : right);
  if ((det < 0 ? -det : det) >= ERROR_BOUND * size) {
    return det > 0 ? 1 : det < 0 ? -1 : 0;
  }
  return exactOrient2d([ax, ay, bx, by, cx, cy]);
}

const scratch = new DataView(new ArrayBuffer(8));

/** A finite double as mantissa · 2^exponent, both exact. */
function decompose(value: number): { mantissa: bigint; exponent: number } {
  scratch.setFloat64(0, value);
  const high = scratch.getUint32(0);
  const low = scratch.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  // Subnormals have no implicit leading bit and the exponent of the smallest normal.
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return { mantissa: high >>> 31 ? -mantissa : mantissa, exponent };
}

function exactOrient2d(coordinates: readonly number[]): -1 | 0 | 1 {
  const parts = coordinates.map(decompose);
  // Scale everything by the smallest exponent in play, so the integers stay ~60 bits for
  // ordinary coordinates instead of the 1,100 bits a fixed 2^1074 scale would need.
  let minExponent = Infinity;
  for (const part of parts) {
    if (part.mantissa !== 0n && part.exponent < minExponent) minExponent = part.exponent;
  }
  if (minExponent === Infinity) return 0;
  const [ax, ay, bx, by, cx, cy] = parts.map(({ mantissa, exponent }) =>
    mantissa === 0n ? 0n : mantissa << BigInt(exponent - minExponent),
  );
  const det = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}
