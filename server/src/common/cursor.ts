import { BadInputError } from './errors.js';
import { isMalformedText } from './text.js';
import { isUuid } from './validate.js';

/** Opaque keyset cursors: the sort key of the last row seen, base64url-encoded JSON. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each part of a cursor's key must be: `text` (well-formed, storable text of at most 500 characters),
 * `uuid` (a row id) or `offset` (a whole number from 0 to 999,999,999 written in plain digits). A cursor is
 * opaque to clients but arrives from them, so it is checked as strictly as any other input before it reaches SQL.
 */
export type CursorPart = 'text' | 'uuid' | 'offset';

const partIsValid: Record<CursorPart, (part: string) => boolean> = {
  text: (part) => part.length <= 500 && !isMalformedText(part),
  uuid: (part) => isUuid(part),
  offset: (part) => /^(0|[1-9]\d{0,8})$/.test(part),
};

export function decodeCursor(field: string, cursor: string, parts: readonly CursorPart[]): string[] {
  if (cursor.length <= 4_000) {
    try {
      const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (
        Array.isArray(key) &&
        key.length === parts.length &&
        key.every((part, index) => typeof part === 'string' && partIsValid[parts[index] as CursorPart](part))
      )
        return key;
    } catch {
      // fall through to the error below
    }
  }
  throw new BadInputError(field, 'cursor', 'is not a cursor returned by this list');
}
