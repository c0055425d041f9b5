// A short list of codes in one text column, delimited on both ends (",A,B,") so that
// `LIKE '%,A,%'` finds exactly the rows that contain A, on every database.
export function joinCodes(codes: readonly string[]): string {
  return codes.length ? `,${codes.join(',')},` : ',';
}

export function splitCodes(stored: string): string[] {
  return stored.split(',').filter((code) => code.length > 0);
}

export function containsCode(code: string): { $like: string } {
  return { $like: `%,${code},%` };
}
