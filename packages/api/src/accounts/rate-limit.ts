/**
 * Failed sign-ins per key (email, and client address) in a sliding window. Kept in the process:
 * with several replicas an attacker gets the limit once per replica, which still turns millions of
 * guesses into tens; a shared store would be the next step if that ever matters.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  blocked(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  fail(key: string, now = Date.now()): void {
    const times = this.recent(key, now);
    times.push(now);
    this.failures.set(key, times);
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value!);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}

/** 10 failures per email in 15 minutes, then sign-in for that email waits. */
export const emailLimiter = new FailureLimiter(10, 15 * 60_000);
/** Per client address more, since many people may share one (an office behind NAT). */
export const addressLimiter = new FailureLimiter(50, 15 * 60_000);
