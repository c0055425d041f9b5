// Small text helpers for filling templates and making names into ids and e-mail addresses.

/** Replaces each `{key}` with its value; a key without a value is a mistake in the catalog. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`no value for {${key}} in "${template}"`);
    return String(value);
  });
}

/** Lower-case ASCII letters and digits only: "Zoë O'Neil" gives "zoeoneil". */
export function asciiLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Words joined by dashes: "St. Mary's Hospital" gives "st-marys-hospital". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cuts a slug to at most `max` characters at a dash where possible. */
export function shortSlug(text: string, max: number): string {
  const full = slug(text);
  if (full.length <= max) return full;
  const cut = full.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return dash > max / 2 ? cut.slice(0, dash) : cut;
}
