/** Exact fractions (bigint) so that 2/3 rounds to 66.67 and sums of points do not drift. */
export interface Frac { n: bigint; d: bigint }

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}
export function frac(n: number | bigint, d: number | bigint = 1): Frac {
  let nn = BigInt(n), dd = BigInt(d);
  if (dd === 0n) throw new Error("zero denominator");
  if (dd < 0n) { nn = -nn; dd = -dd; }
  const g = gcd(nn, dd);
  return { n: nn / g, d: dd / g };
}
export const add = (a: Frac, b: Frac) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Frac, b: Frac) => frac(a.n * b.n, a.d * b.d);
export const div = (a: Frac, b: Frac) => frac(a.n * b.d, a.d * b.n);
export const cmp = (a: Frac, b: Frac) => { const x = a.n * b.d - b.n * a.d; return x < 0n ? -1 : x > 0n ? 1 : 0; };
export const minF = (a: Frac, b: Frac) => (cmp(a, b) <= 0 ? a : b);
/** Decimal (up to 4 places) as a fraction: 0.8 → 4/5. */
export const fromDecimal = (x: number) => frac(Math.round(x * 10000), 10000);

/** Half away from zero at the second decimal. */
export function round2(f: Frac): number {
  const neg = f.n < 0n;
  const n = neg ? -f.n : f.n;
  const q = (n * 200n + f.d) / (2n * f.d);
  return (neg ? -Number(q) : Number(q)) / 100;
}

/** 100 × n / d rounded, null when d = 0. */
export function percent(n: number, d: number): number | null {
  return d === 0 ? null : round2(frac(100 * n, d));
}
