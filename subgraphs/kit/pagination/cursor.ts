// Opaque cursors for keyset pagination: the sort value and the id of the last item seen.
import { badUserInput } from '../errors/user-errors';

export interface CursorPosition {
  /** Sort key value: string or number; dates travel as epoch milliseconds. */
  readonly value: string | number;
  readonly id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput('`after` is not a cursor returned by this list', 'after');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    (typeof parsed[0] !== 'string' && typeof parsed[0] !== 'number') ||
    typeof parsed[1] !== 'string'
  ) {
    throw badUserInput('`after` is not a cursor returned by this list', 'after');
  }
  return { value: parsed[0], id: parsed[1] };
}
