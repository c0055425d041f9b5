// Times as people type them when querying the trail: ISO 8601 (`2025-06-01`, `2025-06-01T12:00Z`)
// or an age relative to now (`90s`, `15m`, `2h`, `7d`, `2w`).

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const RELATIVE = /^(\d+)([smhdw])$/;
// Date.parse accepts many loose forms ("1", "June 1"); only ISO dates are meant here.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The time the text names, or null if it names none. */
export function parseTimeArgument(text: string, now: Date): Date | null {
  const relative = RELATIVE.exec(text);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!]!);
  if (!ISO_DATE.test(text)) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time);
}
