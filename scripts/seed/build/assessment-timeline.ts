// When an assessment was opened, started, is due and was completed, so that its status (derived
// from those dates, see subgraphs/kit/assessments/assessment-status.ts) comes out as wanted.
// Due dates keep a day clear of the anchor, so statuses hold all through the anchor day.
import { AssessmentStatus } from '../../../subgraphs/kit/schema/enums';
import { Participation } from '../../../subgraphs/treasury/types/treasury-enums';
import type { SeedRandom } from '../random';
import type { ModelPlan } from './models';

/** Days from the anchor. */
export interface AssessmentTimes {
  readonly opened: number;
  readonly started: number | null;
  readonly due: number;
  readonly completed: number | null;
}

/** Latest time anything in the data set happened: just before the anchor. */
export const LAST_MOMENT = -0.05;

function inReviewTarget(random: SeedRandom): AssessmentStatus {
  return random.weighted([
    { value: AssessmentStatus.COMPLETED, weight: 28 },
    { value: AssessmentStatus.IN_PROGRESS, weight: 37 },
    { value: AssessmentStatus.PLANNED, weight: 20 },
    { value: AssessmentStatus.OVERDUE, weight: 15 },
  ]);
}

/** For a model that is no longer in review (released, or withdrawn): the dates all lie behind. */
function pastTimes(random: SeedRandom, model: ModelPlan): AssessmentTimes {
  const end = model.withdrawn ?? model.release;
  const opened = model.submitted + random.between(0.1, Math.min(4, end - model.submitted - 0.5));
  let due = Math.min(opened + random.between(10, 28), model.release - random.between(0, 2));
  // A withdrawn model's assessments may still be due; keep those well clear of the anchor day.
  if (due > -1 && due < 1) due = 1 + random.between(0, 1);
  const completes = random.chance(model.withdrawn === null ? 0.85 : 0.45) && end - opened > 2;
  const started = completes || random.chance(0.65) ? opened + random.between(0, Math.max(0, Math.min(2, end - opened - 1))) : null;
  if (!completes || started === null) return { opened, started, due, completed: null };
  // Most finish by the due date, some late.
  const latest = Math.min(random.chance(0.85) ? Math.max(due, started + 1) : due + 6, end, LAST_MOMENT);
  return { opened, started, due, completed: random.between(started + 0.5, Math.max(started + 0.6, latest)) };
}

function inReviewTimes(random: SeedRandom, model: ModelPlan, target: AssessmentStatus): AssessmentTimes {
  const { submitted: s, release: r } = model;
  const dueAhead = (opened: number) => random.between(1, Math.max(1.2, Math.min(r - 0.3, opened + 35)));
  switch (target) {
    case AssessmentStatus.OVERDUE: {
      if (s > -6) return inReviewTimes(random, model, AssessmentStatus.IN_PROGRESS);
      const opened = s + random.between(0.1, 2);
      const due = random.between(opened + 3, Math.max(opened + 3.1, Math.min(-1, opened + 28)));
      const started = random.chance(0.75) ? random.between(opened, Math.min(due, -1)) : null;
      return { opened, started, due, completed: null };
    }
    case AssessmentStatus.PLANNED: {
      const opened = random.between(Math.max(s, -20), LAST_MOMENT);
      return { opened, started: null, due: dueAhead(opened), completed: null };
    }
    case AssessmentStatus.IN_PROGRESS: {
      const opened = random.between(Math.max(s, -20), -0.5);
      return { opened, started: random.between(opened, LAST_MOMENT), due: dueAhead(opened), completed: null };
    }
    case AssessmentStatus.COMPLETED: {
      const opened = s + random.between(0.1, Math.min(4, -1.5 - s));
      const started = random.between(opened, Math.min(opened + 2, -1));
      const completed = random.between(started + 0.5, LAST_MOMENT);
      // Some were completed after their due date had passed.
      const late = completed - opened > 4 && random.chance(0.15);
      const due = late ? random.between(opened + 2, completed) : random.between(1, Math.max(1.2, r - 0.3));
      return { opened, started, due, completed };
    }
  }
}

export function assessmentTimes(random: SeedRandom, model: ModelPlan): AssessmentTimes {
  if (model.participation !== Participation.IN_REVIEW) return pastTimes(random, model);
  return inReviewTimes(random, model, inReviewTarget(random));
}
