/**
 * Flood protection of the public rating page: attempts are counted per client
 * address and per commune over sliding windows, in memory (one server process).
 * A failed lookup (unknown dossier code) counts twice, so guessing codes is slow.
 */
export interface RatingLimits {
  /** Attempts one address may make in `addressWindowMs`. */
  perAddress: number;
  addressWindowMs: number;
  /** Attempts all addresses together may make on one commune's page in `communeWindowMs`. */
  perCommune: number;
  communeWindowMs: number;
}

export const DEFAULT_RATING_LIMITS: RatingLimits = { perAddress: 10, addressWindowMs: 10 * 60_000, perCommune: 300, communeWindowMs: 60 * 60_000 };

/** Counts per key over a sliding window; keys whose window has passed are dropped. */
export class SlidingWindow {
  private hits = new Map<string, number[]>();
  private lastSweep = 0;
  constructor(readonly limit: number, readonly windowMs: number) {}

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  /** Milliseconds until one more attempt fits in the window; 0 when it fits now. */
  waitMs(key: string, now: number): number {
    const list = this.recent(key, now);
    return list.length >= this.limit ? list[list.length - this.limit]! + this.windowMs - now : 0;
  }

  add(key: string, now: number, weight = 1): void {
    this.sweep(now);
    const list = this.recent(key, now);
    for (let i = 0; i < weight; i++) list.push(now);
    // Only the newest `limit` attempts decide the wait, so no key holds more.
    this.hits.set(key, list.slice(-this.limit));
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, list] of this.hits) if (!list.length || now - list[list.length - 1]! >= this.windowMs) this.hits.delete(key);
  }
}

export interface Refusal { retryAfterSeconds: number; reason: "address" | "commune" }

export class RatingFloodGuard {
  readonly limits: RatingLimits;
  private readonly byAddress: SlidingWindow;
  private readonly byCommune: SlidingWindow;

  constructor(limits: Partial<RatingLimits> = {}) {
    this.limits = { ...DEFAULT_RATING_LIMITS, ...limits };
    this.byAddress = new SlidingWindow(this.limits.perAddress, this.limits.addressWindowMs);
    this.byCommune = new SlidingWindow(this.limits.perCommune, this.limits.communeWindowMs);
  }

  /** Why the next attempt must wait and for how long, or null when it may go ahead. */
  check(address: string, orgCode: string, now = Date.now()): Refusal | null {
    const addressWait = this.byAddress.waitMs(address, now);
    const communeWait = this.byCommune.waitMs(orgCode, now);
    if (!addressWait && !communeWait) return null;
    return { retryAfterSeconds: Math.max(1, Math.ceil(Math.max(addressWait, communeWait) / 1000)), reason: addressWait >= communeWait ? "address" : "commune" };
  }

  /** Counts an attempt; refused attempts (429) are not counted, so waiting is enough to be let in again. */
  attempt(address: string, orgCode: string, now = Date.now()): void {
    this.byAddress.add(address, now);
    this.byCommune.add(orgCode, now);
  }

  /** The second count of an attempt whose dossier code or commune was not found. */
  failedLookup(address: string, orgCode: string, now = Date.now()): void {
    this.attempt(address, orgCode, now);
  }
}

/** Settings read from the environment (docs/configuration.md); unset or invalid values keep the defaults. */
export function ratingLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<RatingLimits> {
  const positive = (value: string | undefined) => {
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const out: Partial<RatingLimits> = {};
  const perAddress = positive(env.RATING_LIMIT_PER_ADDRESS);
  const perCommune = positive(env.RATING_LIMIT_PER_COMMUNE);
  if (perAddress) out.perAddress = perAddress;
  if (perCommune) out.perCommune = perCommune;
  return out;
}
