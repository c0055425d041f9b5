// Every time in the data set is an offset in days from the anchor day, so that a fresh seed always
// looks current (models in review, windows closing, assessments overdue) and a different anchor
// moves all times together and changes nothing else.
export const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60 * 1000;

/** Midnight UTC of the day that holds `time`. */
export function startOfUtcDay(time: Date): Date {
  return new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
}

export class AnchorClock {
  constructor(readonly anchor: Date) {}

  /** The anchor plus `days` (fractions allowed), to the minute. */
  at(days: number): Date {
    return new Date(this.anchor.getTime() + Math.round((days * DAY_MS) / MINUTE_MS) * MINUTE_MS);
  }
}
