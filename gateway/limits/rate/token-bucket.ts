// Token buckets: each holds up to `burst` tokens and gains `perSecond` tokens a second; a request
// takes tokens from every bucket it counts against, or from none if one of them has too few.
import type { TokenBucketSettings } from '../../config/hardening-config';

export type BucketKind = 'subject' | 'agency' | 'address';

/** One bucket a request counts against. */
export interface BucketRef {
  readonly kind: BucketKind;
  /** Subject, agency or client address. */
  readonly id: string;
  readonly settings: TokenBucketSettings;
}

export type RateDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly bucket: BucketKind; readonly retryAfterSeconds: number };

export interface BucketState {
  readonly tokens: number;
  /** When `tokens` was measured (ms). */
  readonly at: number;
}

/** The bucket's tokens at `now`, refilled since it was last measured. */
export function refill(state: BucketState | undefined, settings: TokenBucketSettings, now: number): number {
  if (!state) return settings.burst;
  return Math.min(settings.burst, state.tokens + (Math.max(0, now - state.at) * settings.perSecond) / 1000);
}

/** A request never costs more than a full bucket, or it could never pass. */
export function costFor(requested: number, settings: TokenBucketSettings): number {
  return Math.min(requested, settings.burst);
}

/** Milliseconds until `tokens` grows to `cost`. */
export function waitMs(tokens: number, cost: number, settings: TokenBucketSettings): number {
  return tokens >= cost ? 0 : ((cost - tokens) * 1000) / settings.perSecond;
}

export function bucketKey(ref: BucketRef): string {
  return `${ref.kind}:${ref.id}`;
}
