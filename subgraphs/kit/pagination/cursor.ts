// Opaque cursors for keyset pagination: the property the list was ordered by, the sort value
// and the id of the last item seen.
import { badUserInput } from '../errors/user-errors';

export interface CursorPosition {
  /** The property the list was ordered by when the cursor was issued. */
  readonly property: string;
  /** Sort key value: string or number; dates travel as epoch milliseconds. */
  readonly value: string | number;
  readonly id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.property, position.value, position.id]), 'utf8').toString('base64url');
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
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    (typeof parsed[1] !== 'string' && typeof parsed[1] !== 'number') ||
    typeof parsed[2] !== 'string'
  ) {
    throw badUserInput('`after` is not a cursor returned by this list', 'after');
  }
  return { property: parsed[0], value: parsed[1], id: parsed[2] };
}
