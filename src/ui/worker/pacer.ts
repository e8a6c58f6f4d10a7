// How far the simulation may go now: simulated seconds per real second (Infinity = as fast as
// possible). Restarted whenever the speed changes or the run resumes, so a pause is not "owed".
export class Pacer {
  private realStart = 0;
  private simStart = 0;
  /** The simulated total last asked about (where a restart picks up). */
  lastSimulated = 0;

  constructor(public speed: number) {}

  restart(simulated: number, now: number): void {
    this.realStart = now;
    this.simStart = simulated;
  }

  /** Total simulated seconds allowed by real time `now`. */
  allowed(now: number): number {
    if (!Number.isFinite(this.speed)) return Infinity;
    return this.simStart + (this.speed * (now - this.realStart)) / 1000;
  }
}
