// The `extend schema @link(...)` header every agency's SDL starts with.
// Federation v2.6 is the first version with @policy; composition 2.14 supports it.
export const FEDERATION_VERSION = 'v2.6';

const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@composeDirective',
  '@authenticated',
  '@requiresScopes',
  '@policy',
];

/** Accord's own classification marking, carried into the supergraph with @composeDirective. */
export const CLASSIFICATION_SPEC_URL = 'https://specs.accord.example/classification/v0.1';

export const CLASSIFICATION_DIRECTIVE_DEFINITION =
  'directive @classification(level: String!) on FIELD_DEFINITION | OBJECT';

export const SCHEMA_LINK_HEADER = [
  'extend schema',
  `  @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`,
  `  @link(url: "${CLASSIFICATION_SPEC_URL}", import: ["@classification"])`,
  '  @composeDirective(name: "@classification")',
  '',
  '"""The highest classification of the data a field returns; the gateway reports it in `extensions.classification`."""',
  CLASSIFICATION_DIRECTIVE_DEFINITION,
  '',
].join('\n');
