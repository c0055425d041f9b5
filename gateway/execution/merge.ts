// Merges what a subgraph returned into the data already fetched, with the rules of Apollo
// Gateway's deepMerge: objects merge key by key, lists of equal length element by element,
// anything else is replaced.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

export function mergeInto(target: Record<string, unknown>, source: unknown): void {
  if (source === null || source === undefined) return;
  const from = source as Record<string, unknown>;
  for (const key in from) {
    const incoming = from[key];
    if (incoming === undefined) continue;
    const existing = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    if (existing && isPlainObject(incoming)) {
      mergeInto(existing as Record<string, unknown>, incoming);
    } else if (Array.isArray(incoming) && Array.isArray(existing) && incoming.length === existing.length) {
      for (let i = 0; i < incoming.length; i++) {
        const element = existing[i];
        if (isPlainObject(element) && isPlainObject(incoming[i])) {
          mergeInto(element, incoming[i]);
        } else {
          existing[i] = incoming[i];
        }
      }
    } else {
      assign(target, key, incoming);
    }
  }
}
