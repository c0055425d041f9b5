// Node settings the gateway process runs with: `npm run gateway` and `npm start` pass them, and
// so does the benchmark. Each operation allocates short-lived objects (parsed subgraph answers,
// the shaped result, its JSON): with dozens of operations in flight, the default 16 MB
// semi-spaces of the young generation fill long before those objects die, so scavenges copy them
// again and again and promote them to the old generation, which then needs full collections.
// 128 MB semi-spaces let them die young: on the public benchmark, garbage collection fell from 18%
// of the gateway's CPU to under 10%, and requests per second rose by about half, for about 200 MB
// more resident memory (the README's Performance section).
export const GATEWAY_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=128'];
