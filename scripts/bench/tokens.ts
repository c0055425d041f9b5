// Client tokens for the virtual users, signed ahead of a run (autocannon builds requests
// synchronously), by the development token issuer the gateway under test trusts.
import { signDevToken, type DevIdentity } from '../../gateway/identity/dev-identity';
import type { TokenChoice } from './load';

const TOKEN_TTL_SECONDS = 3600;
const BATCH = 512;

// Enough for the fastest gateway at the benchmark's concurrency; a run that needs more reuses
// tokens from the start and says so.
export const MAX_REQUESTS_PER_SECOND = 2500;

export async function signTokens(
  identity: DevIdentity,
  count: number,
  claimsFor: (index: number) => Record<string, unknown>,
): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) batch.push(signDevToken(identity, claimsFor(i), TOKEN_TTL_SECONDS));
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

export interface TokenSupply {
  readonly choice: TokenChoice;
  /** Tokens handed out more than once (the pool ran out): 0 in a valid run. */
  reused(): number;
}

/** Every request gets the next token of the pool. */
export function tokenPerRequest(pool: readonly string[]): TokenSupply {
  let next = 0;
  return {
    choice: { per: 'request', next: () => pool[next++ % pool.length]! },
    reused: () => Math.max(0, next - pool.length),
  };
}
