// Counters one execution can fill in, to show what it cost the subgraphs.

export interface ExecutionStats {
  /** HTTP requests sent to subgraphs. */
  subgraphRequests: number;
  /** Entity representations sent, after duplicates were removed. */
  representations: number;
  /** Entity representations the plan asked for, duplicates included. */
  representationsBeforeDedupe: number;
}

export function emptyStats(): ExecutionStats {
  return { subgraphRequests: 0, representations: 0, representationsBeforeDedupe: 0 };
}
