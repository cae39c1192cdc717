/**
 * Failed logins are counted per user name and per address over a sliding
 * window; past the limit the login answers 429 until the window moves on.
 */
export class LoginThrottle {
  private failures = new Map<string, number[]>();
  constructor(private readonly perUser = 5, private readonly perAddress = 20, private readonly windowMs = 15 * 60_000) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list); else this.failures.delete(key);
    return list;
  }

  /** Minutes to wait, or 0 when a try is allowed. */
  blockedFor(username: string, address: string, now = Date.now()): number {
    const u = this.recent(`u:${username}`, now);
    const a = this.recent(`a:${address}`, now);
    const over = (list: number[], limit: number) => (list.length >= limit ? list[list.length - limit] + this.windowMs - now : 0);
    const ms = Math.max(over(u, this.perUser), over(a, this.perAddress));
    return ms > 0 ? Math.ceil(ms / 60_000) : 0;
  }

  fail(username: string, address: string, now = Date.now()): void {
    for (const key of [`u:${username}`, `a:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username}`);
  }
}
