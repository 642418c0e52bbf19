// Restart-on-crash policy: exponential backoff, reset after a stable run, give up after
// too many crashes in a row. Pure (the clock is passed in).

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** A run at least this long resets the backoff. */
  stableMs: number;
  /** Consecutive crashes before giving up. */
  maxRestarts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30000, stableMs: 60000, maxRestarts: 5 };

export class RestartPolicy {
  private crashes = 0;
  private startedAt = 0;

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

  started(now: number): void {
    this.startedAt = now;
  }

  /** After a crash: the delay before the next start, or undefined to give up. */
  crashed(now: number): number | undefined {
    if (now - this.startedAt >= this.options.stableMs) {
      this.crashes = 0;
    }
    this.crashes += 1;
    if (this.crashes > this.options.maxRestarts) {
      return undefined;
    }
    return Math.min(this.options.maxMs, this.options.initialMs * 2 ** (this.crashes - 1));
  }

  reset(): void {
    this.crashes = 0;
  }

  get consecutiveCrashes(): number {
    return this.crashes;
  }
}
