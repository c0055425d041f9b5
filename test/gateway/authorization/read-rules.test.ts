// Reading the rules from supergraph text: spec links and renames, argument coercion, where the
// directives may stand, classification markings, and what the rules expose.
import { describe, expect, it } from 'vitest';
import { describeRequirement } from '../../../gateway/authorization/describe-requirement';
import { AuthorizationError } from '../../../gateway/authorization/errors';
import { readAuthorizationRules } from '../../../gateway/authorization/read-rules';
import { composeSupergraph } from './support/load-supergraph';

const LINK = '@link(url: "https://specs.apollo.dev/link/v1.0")';
const AUTHENTICATED = '@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)';
const SCOPES = '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)';
const POLICY = '@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)';
const CLASSIFICATION = '@link(url: "https://specs.accord.example/classification/v0.1", import: ["@classification"])';

/** A hand-written supergraph: the reader needs only the links and the types. */
function supergraph(links: string[], types: string): string {
  return `schema ${[LINK, ...links].join(' ')} { query: Query }\n${types}`;
}

function rulesOf(links: string[], types: string) {
  return readAuthorizationRules(supergraph(links, types)).rules;
}

function fieldRule(links: string[], types: string, typeName = 'Query', fieldName = 'x'): string {
  return describeRequirement(rulesOf(links, types).fieldRequirement(typeName, fieldName));
}

function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AuthorizationError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AuthorizationError');
}

describe('spec links', () => {
  it('recognises a directive renamed by its import', () => {
    const links = ['@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY, import: [{ name: "@authenticated", as: "@auth" }])'];
    const rules = rulesOf(links, 'type Query { x: Int @auth y: Int @authenticated }');
    expect(describeRequirement(rules.fieldRequirement('Query', 'x'))).toBe('@authenticated');
    // `@authenticated` is not the name the linked spec goes by here.
    expect(describeRequirement(rules.fieldRequirement('Query', 'y'))).toBe('no requirement');
  });

  it('recognises a directive renamed by `as:` on its link', () => {
    const links = ['@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY)'];
    expect(fieldRule(links, 'type Query { x: Int @scopes(scopes: [["read"]]) }')).toBe('@requiresScopes(scopes: [["read"]])');
  });

  it('finds the link spec under its own rename', () => {
    const text = 'schema @core(url: "https://specs.apollo.dev/link/v1.0", as: "core") @core(url: "https://specs.apollo.dev/policy/v0.1") { query: Query }\n' +
      'type Query { x: Int @policy(policies: [["p"]]) }';
    expect(describeRequirement(readAuthorizationRules(text).rules.fieldRequirement('Query', 'x'))).toBe('@policy(policies: [["p"]])');
  });

  it('ignores an @authenticated imported from another spec', () => {
    const links = ['@link(url: "https://specs.apollo.dev/OtherAuthenticated/v0.1", import: ["@authenticated"])'];
    const rules = rulesOf(links, 'type Query { x: Int @authenticated }');
    expect(rules.isEmpty).toBe(true);
  });

  it('ignores the directives when the supergraph links no spec at all', () => {
    expect(readAuthorizationRules('type Query { x: Int @authenticated }').rules.isEmpty).toBe(true);
  });

  it.each([
    ['https://specs.apollo.dev/authenticated/v0.2'],
    ['https://specs.apollo.dev/requiresScopes/v1.0'],
    ['https://specs.apollo.dev/policy/v0.2'],
    ['https://specs.accord.example/classification/v0.2'],
  ])('refuses an unsupported version: %s', (url) => {
    const error = failure(() => rulesOf([`@link(url: "${url}")`], 'type Query { x: Int }'));
    expect(error.code).toBe('UNSUPPORTED_SPEC_VERSION');
    expect(error.message).toContain(url);
    expect(error.message).toContain('only v0.1 is supported');
  });

  it('refuses a spec linked twice', () => {
    const links = [AUTHENTICATED, '@link(url: "https://specs.apollo.dev/authenticated/v0.1", import: [{ name: "@authenticated", as: "@auth" }])'];
    expect(failure(() => rulesOf(links, 'type Query { x: Int }')).code).toBe('INVALID_LINK');
  });

  it('refuses a local name that another link also imports', () => {
    const links = [AUTHENTICATED, '@link(url: "https://example.com/other/v1.0", import: ["@authenticated"])'];
    expect(failure(() => rulesOf(links, 'type Query { x: Int }')).code).toBe('DIRECTIVE_NAME_CONFLICT');
  });

  it('refuses two of its specs renamed to the same name', () => {
    const links = [
      '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "guard")',
      '@link(url: "https://specs.apollo.dev/policy/v0.1", as: "guard")',
    ];
    expect(failure(() => rulesOf(links, 'type Query { x: Int }')).code).toBe('DIRECTIVE_NAME_CONFLICT');
  });

  it('refuses text that does not parse', () => {
    expect(failure(() => readAuthorizationRules('type Query {')).code).toBe('INVALID_SUPERGRAPH');
  });
});

describe('requirement arguments', () => {
  it('coerces a flat list of scopes to one alternative per item (a OR b), never to no requirement', () => {
    expect(fieldRule([SCOPES], 'type Query { x: Int @requiresScopes(scopes: ["a", "b"]) }')).toBe('@requiresScopes(scopes: [["a"], ["b"]])');
    expect(fieldRule([POLICY], 'type Query { x: Int @policy(policies: ["p1", "p2"]) }')).toBe('@policy(policies: [["p1"], ["p2"]])');
  });

  it('coerces a single string and mixed lists the same way', () => {
    expect(fieldRule([SCOPES], 'type Query { x: Int @requiresScopes(scopes: "a") }')).toBe('@requiresScopes(scopes: [["a"]])');
    expect(fieldRule([SCOPES], 'type Query { x: Int @requiresScopes(scopes: [["a", "b"], "c"]) }')).toBe('@requiresScopes(scopes: [["a", "b"], ["c"]])');
  });

  it.each([
    ['a number', '@requiresScopes(scopes: [[1]])'],
    ['an enum value', '@requiresScopes(scopes: [[READ]])'],
    ['null', '@requiresScopes(scopes: null)'],
    ['a null item', '@requiresScopes(scopes: [[null]])'],
    ['no argument', '@requiresScopes'],
    ['a misspelt argument', '@requiresScopes(scope: [["a"]])'],
  ])('refuses %s rather than guess', (_, applied) => {
    expect(failure(() => rulesOf([SCOPES], `type Query { x: Int ${applied} }`)).code).toBe('INVALID_DIRECTIVE_ARGUMENT');
  });

  it('refuses arguments on @authenticated', () => {
    expect(failure(() => rulesOf([AUTHENTICATED], 'type Query { x: Int @authenticated(if: true) }')).code).toBe('INVALID_DIRECTIVE_ARGUMENT');
  });

  it('reads [] and [[]] as no requirement, as Apollo Router does', () => {
    const rules = rulesOf([SCOPES], 'type Query { x: Int @requiresScopes(scopes: []) y: Int @requiresScopes(scopes: [[]]) }');
    expect(rules.isEmpty).toBe(true);
  });

  it('requires every directive on one element, and on a type and its extension', () => {
    const rules = rulesOf(
      [AUTHENTICATED, SCOPES, POLICY],
      'type Query { x: Int @authenticated @requiresScopes(scopes: [["a"], ["b"]]) @policy(policies: [["p"]]) }\n' +
        'type T @requiresScopes(scopes: [["a"], ["b"]]) { id: ID }\nextend type T @requiresScopes(scopes: [["c"]])',
    );
    expect(describeRequirement(rules.fieldRequirement('Query', 'x'))).toBe(
      '@authenticated @requiresScopes(scopes: [["a"], ["b"]]) @policy(policies: [["p"]])',
    );
    expect(describeRequirement(rules.typeRequirement('T'))).toBe('@requiresScopes(scopes: [["a", "c"], ["b", "c"]])');
  });

  it('reads requirements on interfaces, scalars and enums (where composition puts them)', () => {
    const rules = rulesOf(
      [AUTHENTICATED],
      'type Query { x: Int }\ninterface I @authenticated { id: ID @authenticated }\nscalar S @authenticated\nenum E @authenticated { A }',
    );
    expect([...rules.protectedCoordinates()].sort()).toEqual(['E', 'I', 'I.id', 'S']);
  });

  it.each([
    ['an argument', 'type Query { x(a: Int @authenticated): Int }'],
    ['an input field', 'type Query { x: Int }\ninput In { a: Int @authenticated }'],
    ['an input type', 'type Query { x: Int }\ninput In @authenticated { a: Int }'],
    ['an enum value', 'type Query { x: Int }\nenum E { A @authenticated }'],
    ['a union', 'type Query { x: Int }\ntype A { id: ID }\nunion U @authenticated = A'],
  ])('refuses a directive on %s', (_, types) => {
    expect(failure(() => rulesOf([AUTHENTICATED], types)).code).toBe('MISPLACED_DIRECTIVE');
  });

  it('refuses a directive on the schema itself', () => {
    const text = `schema ${LINK} ${AUTHENTICATED} @authenticated { query: Query }\ntype Query { x: Int }`;
    expect(failure(() => readAuthorizationRules(text)).code).toBe('MISPLACED_DIRECTIVE');
  });
});

describe('classification', () => {
  const types = 'type Query { m: Model }\n' +
    'type Model @classification(level: "CUI") { id: ID summary: String @classification(level: "UNCLASSIFIED") detail: String @classification(level: "SECRET") }\n' +
    'type Sector { code: ID }';

  it('gives a field the higher of its own marking and its type\'s', () => {
    const rules = rulesOf([CLASSIFICATION], types);
    expect(rules.classification('Model')).toBe('CUI');
    expect(rules.classification('Model.id')).toBe('CUI');
    expect(rules.classification('Model.summary')).toBe('CUI');
    expect(rules.classification('Model.detail')).toBe('SECRET');
    expect(rules.classification('Sector.code')).toBe('UNCLASSIFIED');
  });

  it('resolves a renamed classification directive and ignores it without its link', () => {
    const renamed = '@link(url: "https://specs.accord.example/classification/v0.1", import: [{ name: "@classification", as: "@marking" }])';
    const rules = rulesOf([renamed], 'type Query { x: Int @marking(level: "TOP_SECRET") y: Int @classification(level: "SECRET") }');
    expect(rules.classification('Query.x')).toBe('TOP_SECRET');
    expect(rules.classification('Query.y')).toBe('UNCLASSIFIED');
    expect(rulesOf([], 'type Query { x: Int @classification(level: "SECRET") }').classification('Query.x')).toBe('UNCLASSIFIED');
  });

  it('refuses an unknown level', () => {
    const error = failure(() => rulesOf([CLASSIFICATION], 'type Query { x: Int @classification(level: "CONFIDENTIAL") }'));
    expect(error.code).toBe('INVALID_DIRECTIVE_ARGUMENT');
    expect(error.message).toContain('"CONFIDENTIAL"');
  });

  it('refuses a marking where its definition does not allow one', () => {
    expect(failure(() => rulesOf([CLASSIFICATION], 'type Query { x: Int }\ninterface I @classification(level: "CUI") { id: ID }')).code).toBe('MISPLACED_DIRECTIVE');
    expect(failure(() => rulesOf([CLASSIFICATION], 'type Query { x: Int }\nscalar S @classification(level: "CUI")')).code).toBe('MISPLACED_DIRECTIVE');
  });

  it('reads markings carried into a composed supergraph by @composeDirective', () => {
    const subgraph = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective"])\n' +
      '  @link(url: "https://specs.accord.example/classification/v0.1", import: ["@classification"])\n' +
      '  @composeDirective(name: "@classification")\n' +
      'directive @classification(level: String!) on FIELD_DEFINITION | OBJECT\n' +
      'type Query { finding: Finding }\ntype Finding @classification(level: "SECRET") { id: ID! detail: String @classification(level: "TOP_SECRET") }';
    const { rules } = readAuthorizationRules(composeSupergraph([{ name: 'defense', sdl: subgraph }]));
    expect(rules.classification('Finding.id')).toBe('SECRET');
    expect(rules.classification('Finding.detail')).toBe('TOP_SECRET');
  });
});

describe('what the rules expose', () => {
  const rules = rulesOf(
    [AUTHENTICATED, SCOPES, POLICY],
    'type Query { models: [Model] @authenticated }\n' +
      'type Model @policy(policies: [["agency:defense"], ["clearance:secret", "agreement:dib-2026"]]) { id: ID findings: [String] @requiresScopes(scopes: [["defense:classified"]]) @policy(policies: [["clearance:secret"]]) }',
  );

  it('lists every policy name the supergraph uses', () => {
    expect([...rules.policyNames()].sort()).toEqual(['agency:defense', 'agreement:dib-2026', 'clearance:secret']);
  });

  it('lists the protected coordinates', () => {
    expect([...rules.protectedCoordinates()].sort()).toEqual(['Model', 'Model.findings', 'Query.models']);
  });

  it('keeps a field\'s own requirement apart from its type\'s', () => {
    expect(describeRequirement(rules.fieldRequirement('Model', 'id'))).toBe('no requirement');
    expect(describeRequirement(rules.fieldRequirement('Model', 'findings'))).toBe(
      '@requiresScopes(scopes: [["defense:classified"]]) @policy(policies: [["clearance:secret"]])',
    );
    expect(describeRequirement(rules.typeRequirement('Model'))).toBe(
      '@policy(policies: [["agency:defense"], ["clearance:secret", "agreement:dib-2026"]])',
    );
  });
});
