// Medians and per-round ratios to the stock gateway, and the printed tables.
import type { ContestantSummary, Ratio, RoundResult, WorkloadResult } from './results';

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(rounds: readonly RoundResult[], names: readonly string[]): ContestantSummary[] {
  return names.map((name) => {
    const mine = rounds.filter((r) => r.contestant === name);
    return {
      name,
      requestsPerSecond: median(mine.map((r) => r.load.requestsPerSecond)),
      p50Ms: median(mine.map((r) => r.load.p50Ms)),
      p99Ms: median(mine.map((r) => r.load.p99Ms)),
      peakRssMb: Math.max(...mine.map((r) => r.peakRssBytes)) / 1024 / 1024,
      requestsPerCpuSecond: median(mine.map((r) => r.load.requests / Math.max(r.gatewayCpuSeconds, 1e-9))),
    };
  });
}

export function ratiosToStock(rounds: readonly RoundResult[], names: readonly string[]): Ratio[] {
  const roundNumbers = [...new Set(rounds.map((r) => r.round))];
  return names
    .filter((name) => name !== 'stock')
    .map((name) => {
      const rps: number[] = [];
      const p99: number[] = [];
      for (const round of roundNumbers) {
        const stock = rounds.find((r) => r.round === round && r.contestant === 'stock');
        const mine = rounds.find((r) => r.round === round && r.contestant === name);
        if (!stock || !mine) continue;
        rps.push(mine.load.requestsPerSecond / stock.load.requestsPerSecond);
        p99.push(mine.load.p99Ms / stock.load.p99Ms);
      }
      return { name, requestsPerSecond: rps, p99, medianRequestsPerSecond: median(rps), medianP99: median(p99) };
    });
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '-');

export function printWorkload(result: WorkloadResult): void {
  console.log(`\n== ${result.workload} workload: ${result.description}`);
  for (const costs of result.costs) {
    const sql = costs.sqlStatements === null ? '' : `, ${fixed(costs.sqlStatements, 2)} SQL statements`;
    console.log(`   ${costs.contestant}${costs.pageSize ? ` (page size ${costs.pageSize})` : ''}: ${fixed(costs.subgraphRequests, 2)} subgraph requests per operation${sql}`);
  }
  console.log(`   ${'round'.padEnd(6)}${'gateway'.padEnd(22)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'RSS MB'.padStart(8)}${'gw CPU%'.padStart(9)}${'sub CPU%'.padStart(10)}${'sub req/op'.padStart(11)}${'SQL/op'.padStart(8)}${'fail'.padStart(6)}${'errors'.padStart(8)}  load avg`);
  for (const r of result.rounds) {
    console.log(
      `   ${String(r.round).padEnd(6)}${r.contestant.padEnd(22)}${fixed(r.load.requestsPerSecond).padStart(9)}${fixed(r.load.p50Ms).padStart(9)}` +
        `${fixed(r.load.p99Ms).padStart(9)}${fixed(r.peakRssBytes / 1024 / 1024, 0).padStart(8)}${fixed((100 * r.gatewayCpuSeconds) / r.load.seconds, 0).padStart(9)}${fixed((100 * r.subgraphCpuSeconds) / r.load.seconds, 0).padStart(10)}` +
        `${fixed(r.subgraphRequestsPerOperation, 2).padStart(11)}${(r.sqlStatementsPerOperation === null ? '-' : fixed(r.sqlStatementsPerOperation, 2)).padStart(8)}` +
        `${String(r.load.failures).padStart(6)}${String(r.load.answersWithErrors).padStart(8)}  ${r.loadAverage}`,
    );
  }
  for (const r of result.rounds) {
    for (const message of r.load.errorMessages) console.log(`   round ${r.round} ${r.contestant}, an error answered: ${message}`);
  }
  console.log('   medians:');
  for (const s of result.summary) {
    console.log(`     ${s.name.padEnd(22)} ${fixed(s.requestsPerSecond)} req/s, p50 ${fixed(s.p50Ms)} ms, p99 ${fixed(s.p99Ms)} ms, peak RSS ${fixed(s.peakRssMb, 0)} MB, ${fixed(s.requestsPerCpuSecond)} req per gateway CPU-second`);
  }
  if (result.soak) {
    const { load, samples } = result.soak;
    console.log(`   soak: ${fixed(load.requestsPerSecond)} req/s over ${fixed(load.seconds, 0)} s, p99 ${fixed(load.p99Ms)} ms, ${load.failures} failures, ${load.answersWithErrors} answers with errors; memory every 10 s (s: RSS MB / heap used MB):`);
    const mb = (bytes: number) => fixed(bytes / 1024 / 1024, 0);
    console.log(`     ${samples.map((s) => `${fixed(s.seconds, 0)}: ${mb(s.rss)}/${mb(s.heapUsed)}`).join('  ')}`);
  }
  for (const ratio of result.ratios) {
    console.log(
      `   ${ratio.name} / stock: req/s ${ratio.requestsPerSecond.map((x) => fixed(x, 2)).join(' ')} -> median ${fixed(ratio.medianRequestsPerSecond, 2)}x; ` +
        `p99 ${ratio.p99.map((x) => fixed(x, 3)).join(' ')} -> median ${fixed(ratio.medianP99, 3)}`,
    );
  }
}
