// The review window of a submission, as we read the executive order: it opens at the later of
// the submission and 30 days before the planned release, and closes at the release.
export const REVIEW_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export interface ReviewWindow {
  readonly opensAt: Date;
  readonly closesAt: Date;
}

export function reviewWindow(submittedAt: Date, plannedReleaseAt: Date): ReviewWindow {
  const earliest = plannedReleaseAt.getTime() - REVIEW_DAYS * DAY_MS;
  return { opensAt: new Date(Math.max(submittedAt.getTime(), earliest)), closesAt: plannedReleaseAt };
}

/** Whole days left until the window closes, rounded up; 0 once closed. */
export function daysRemaining(window: ReviewWindow, now: Date): number {
  const left = window.closesAt.getTime() - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / DAY_MS);
}
