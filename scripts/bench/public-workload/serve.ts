// Starts the four benchmark subgraphs: `tsx scripts/bench/public-workload/serve.ts`.
// env: PORT (default 4200), HOST (default 127.0.0.1), MEMO=0 to execute every request.
import { startPublicWorkloadSubgraphs } from './subgraphs';

const server = await startPublicWorkloadSubgraphs({
  port: Number(process.env.PORT ?? 4200),
  host: process.env.HOST ?? '127.0.0.1',
  memo: process.env.MEMO !== '0',
});
console.log(`benchmark subgraphs at ${server.url}/{accounts,inventory,products,reviews} (pid ${process.pid})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
