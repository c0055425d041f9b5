// Names that must be unique (developers, partners, ids made from names).
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** `separator` goes between a name and its number: ' ' for names, '-' for ids. */
  constructor(
    reserved: Iterable<string> = [],
    private readonly separator = ' ',
  ) {
    for (const name of reserved) this.taken.add(name);
  }

  /**
   * The first of up to `attempts` candidates that is still free. When all are taken (only at
   * large scales), the last candidate with the smallest free number after it.
   */
  claim(make: () => string, attempts = 40): string {
    let candidate = make();
    for (let attempt = 1; this.taken.has(candidate) && attempt < attempts; attempt += 1) candidate = make();
    if (this.taken.has(candidate)) {
      const base = candidate;
      for (let n = 2; this.taken.has(candidate); n += 1) candidate = `${base}${this.separator}${n}`;
    }
    this.taken.add(candidate);
    return candidate;
  }
}
