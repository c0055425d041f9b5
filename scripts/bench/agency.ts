import type { BenchEnvironment } from './environment';
import type { BenchOptions } from './options';
import type { Workload } from './workload';
export async function startAgencyWorkload(_env: BenchEnvironment, _options: BenchOptions): Promise<Workload> {
  throw new Error('not yet');
}
