// Steady client traffic: a few clients each sending one request after another until stopped,
// every outcome kept, so that a test can count failed requests (errors, 5xx, hangs).
import type { ClientResponse } from './deployment';

export type Outcome = ClientResponse | { readonly status: 0; readonly failure: string };

export interface Traffic {
  /** Responses (and failures) so far. */
  readonly outcomes: readonly Outcome[];
  /** Lets each client finish its request in flight, then returns every outcome. */
  stop(): Promise<readonly Outcome[]>;
}

export function steadyTraffic(send: () => Promise<ClientResponse>, clients = 4): Traffic {
  const outcomes: Outcome[] = [];
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      try {
        outcomes.push(await send());
      } catch (error) {
        // A request that never answered (aborted by its timeout) or a dropped connection.
        outcomes.push({ status: 0, failure: String(error) });
      }
    }
  });
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** The error codes of a response, in order. */
export function errorCodes(outcome: Outcome): string[] {
  if (outcome.status === 0 || !('body' in outcome)) return ['NO_ANSWER'];
  return (outcome.body?.errors ?? []).map((error) => String(error.extensions?.code ?? 'NO_CODE'));
}

/** Waits until at least `count` more outcomes than now have arrived. */
export async function moreOutcomes(traffic: Traffic, count: number, timeoutMs = 30_000): Promise<void> {
  const target = traffic.outcomes.length + count;
  const deadline = Date.now() + timeoutMs;
  while (traffic.outcomes.length < target) {
    if (Date.now() > deadline) throw new Error(`only ${traffic.outcomes.length} of ${target} requests answered in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
