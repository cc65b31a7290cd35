/**
 * The runtime's clock: the caller's `now` (or real time) plus the time scripts have "slept", so
 * Utilities.sleep costs nothing yet cache expirations and timestamps move on as they would.
 */
export class Clock {
  private slept = 0;

  constructor(private readonly source: () => Date = () => new Date()) {}

  now(): Date {
    return new Date(this.source().getTime() + this.slept);
  }

  advance(ms: number): void {
    this.slept += ms;
  }
}
