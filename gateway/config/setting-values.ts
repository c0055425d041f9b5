// How one setting's raw value (a flag's or environment variable's text, or a config file's JSON
// value) becomes a typed value; a value that does not fit is a ConfigError naming the setting.
import { ConfigError } from './config-error';

const shown = (value: unknown): string => JSON.stringify(value);

export function positiveNumber(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number (got ${shown(value)})`);
  return n;
}

export function nonNegativeNumber(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a number of at least 0 (got ${shown(value)})`);
  return n;
}

export function positiveInteger(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer (got ${shown(value)})`);
  return n;
}

export function nonNegativeInteger(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer (got ${shown(value)})`);
  return n;
}

/** on/off, true/false, 1/0, yes/no; `fallback` when the setting is absent. */
export function onOff(value: unknown, fallback: boolean, name: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (value === true || value === 'on' || value === 'true' || value === '1' || value === 'yes') return true;
  if (value === false || value === 'off' || value === 'false' || value === '0' || value === 'no') return false;
  throw new ConfigError(`${name} must be on or off (got ${shown(value)})`);
}

/** One of `allowed`; `fallback` when the setting is absent. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got ${shown(value)})`);
}
