// Reads a supergraph SDL from a file path or an http(s) URL.
import { readFile } from 'node:fs/promises';

export async function readSupergraph(location: string, timeoutMs = 10_000): Promise<string> {
  if (/^https?:\/\//.test(location)) {
    const response = await fetch(location, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`supergraph at ${location} answered HTTP ${response.status}`);
    return response.text();
  }
  try {
    return await readFile(location, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the supergraph ${location}: ${(error as Error).message}`);
  }
}
