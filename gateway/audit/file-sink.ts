// The default audit sink: an append-only JSON-lines file. A record is acknowledged only after the
// batch holding it has been written and fdatasync'ed, so a crash (of the process or the machine)
// loses no record whose request was answered. The file is opened for appending and never
// rewritten or truncated.
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { batchingSink, type AuditSink } from './audit-sink';

/** The file may be untrustworthy after a failed fdatasync: the kernel can drop the unwritten pages and report success to a later one. */
export class AuditFileUnusableError extends Error {
  constructor(file: string, options: { cause: unknown }) {
    super(`the audit file ${file} could not be synced; no further records are accepted until the gateway restarts`, options);
    this.name = 'AuditFileUnusableError';
  }
}

const NEWLINE = 0x0a;

async function writeFully(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/** True if the file is empty or ends with a newline. */
async function endsCleanly(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === NEWLINE;
}

/** Makes a newly created file's directory entry durable too. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function openFileAuditSink(file: string): Promise<AuditSink> {
  const directory = path.dirname(file);
  await mkdir(directory, { recursive: true });
  // 'a+' is O_RDWR | O_CREAT | O_APPEND: every write lands at the end; reading is only for the last byte.
  const handle = await open(file, 'a+', 0o600);
  await syncDirectory(directory).catch(() => {
    // Some file systems refuse fsync on a directory (or /dev for a device); the file itself is still synced.
  });
  // A crash mid-write can leave a torn last line; end it so that the next record starts a line of its own.
  let tornLine = !(await endsCleanly(handle));
  let unusable: AuditFileUnusableError | null = null;

  return batchingSink(
    file,
    async (records) => {
      if (unusable) throw unusable;
      const text = records.map((record) => JSON.stringify(record)).join('\n') + '\n';
      const bytes = Buffer.from(tornLine ? `\n${text}` : text, 'utf8');
      try {
        await writeFully(handle, bytes);
        tornLine = false;
      } catch (error) {
        // Part of the batch may be in the file: start the next batch on a new line.
        tornLine = true;
        throw error;
      }
      try {
        await handle.datasync();
      } catch (error) {
        unusable = new AuditFileUnusableError(file, { cause: error });
        throw unusable;
      }
    },
    () => handle.close(),
  );
}
