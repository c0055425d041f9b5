// Where an error about a selection that no response object met is reported: the longest prefix
// of its response keys that the response data holds (list indices added as they are crossed).

type Path = Array<string | number>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Descends through lists to the first element holding `key` (or the first non-null one). */
function enterLists(value: unknown, key: string, path: Path): unknown {
  while (Array.isArray(value)) {
    let index = value.findIndex((element) => isObject(element) && Object.prototype.hasOwnProperty.call(element, key));
    if (index < 0) index = value.findIndex((element) => element !== null && element !== undefined);
    if (index < 0) return undefined;
    path.push(index);
    value = value[index];
  }
  return value;
}

export function longestExistingPrefix(data: unknown, keys: readonly string[]): Path {
  const path: Path = [];
  let value = data;
  for (const key of keys) {
    const mark = path.length;
    const container = enterLists(value, key, path);
    if (!isObject(container) || !Object.prototype.hasOwnProperty.call(container, key)) {
      path.length = mark;
      break;
    }
    path.push(key);
    value = container[key];
  }
  return path;
}
