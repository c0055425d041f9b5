// Child process of the crash-safety test: appends records to the audit file from many concurrent
// writers, forever, and prints `ack <requestId>` for each record the sink acknowledged.
import { openFileAuditSink } from '../../../../gateway/audit';
import { auditRecord } from './records';

const [file, concurrencyText] = process.argv.slice(2);
if (!file) throw new Error('usage: append-until-killed.ts FILE [CONCURRENCY]');
const concurrency = Number(concurrencyText ?? 16);

const sink = await openFileAuditSink(file);
let next = 0;

async function writer(): Promise<never> {
  for (;;) {
    const requestId = `req-${next++}`;
    await sink.append(auditRecord({ requestId, time: new Date().toISOString() }));
    process.stdout.write(`ack ${requestId}\n`);
  }
}

await Promise.all(Array.from({ length: concurrency }, writer));
