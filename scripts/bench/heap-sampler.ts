// Preloaded into a gateway by `npm run bench -- --soak` (node --import): appends the process's
// memory figures to $BENCH_MEMORY_FILE every $BENCH_MEMORY_INTERVAL_MS, one JSON line each.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const started = Date.now();
  const timer = setInterval(() => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ seconds: (Date.now() - started) / 1000, rss, heapUsed, heapTotal, external, arrayBuffers })}\n`);
  }, Number(process.env.BENCH_MEMORY_INTERVAL_MS ?? 10_000));
  timer.unref();
}
