// Accord's classification marking, `@classification(level: ...)`, read from the supergraph.

/** Ordered from lowest to highest: comparisons use the index. */
export const CLASSIFICATION_LEVELS = ['UNCLASSIFIED', 'CUI', 'SECRET', 'TOP_SECRET'] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

export function isClassificationLevel(value: string): value is ClassificationLevel {
  return (CLASSIFICATION_LEVELS as readonly string[]).includes(value);
}

export function higherClassification(a: ClassificationLevel, b: ClassificationLevel): ClassificationLevel {
  return CLASSIFICATION_LEVELS.indexOf(a) >= CLASSIFICATION_LEVELS.indexOf(b) ? a : b;
}
