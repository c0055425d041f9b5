// What a named policy is: a small function over who is asking, when, and with what request.
import type { Caller } from '../../identity/caller';

export interface PolicyInput {
  /** The verified caller, or null when anonymous. */
  readonly caller: Caller | null;
  readonly now: Date;
  readonly request: {
    readonly operationName?: string;
    readonly variables: Readonly<Record<string, unknown>>;
  };
}

/** Grants only by returning `true` (as Apollo Router counts only JSON `true` as granted). */
export type Policy = (input: PolicyInput) => boolean;
