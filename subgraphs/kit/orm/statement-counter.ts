// Counts every SQL statement the ORM sends, from its own query logger: the way to prove
// that batching really batches (tests and the benchmark read it through /metrics).
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

export class StatementCounter {
  private count = 0;
  get total(): number {
    return this.count;
  }
  increment(): void {
    this.count += 1;
  }
}

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: StatementCounter,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    this.counter.increment();
    super.logQuery(context);
  }
}

export function countingLoggerFactory(counter: StatementCounter) {
  return (options: LoggerOptions) => new CountingLogger(options, counter);
}
