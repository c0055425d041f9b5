// Own-property access for data that came from JSON: a response key such as `constructor`
// must not read or write what Object.prototype carries.

const hasOwnProperty = Object.prototype.hasOwnProperty;

export function hasOwn(object: object, key: string): boolean {
  return hasOwnProperty.call(object, key);
}

/** True for keys that a plain object answers from its prototype (`constructor`, `__proto__`, ...). */
export function isPrototypeKey(key: string): boolean {
  return key in Object.prototype;
}

/** Sets an own enumerable property, even for `__proto__`. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}
