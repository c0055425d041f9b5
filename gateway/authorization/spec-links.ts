// Finds the `@link`s of the authorization specs (and Accord's classification spec) on the
// supergraph's schema definition and resolves the local name each directive goes by there.
// A directive is recognised by the spec it is linked from, never by its name alone: a
// supergraph may rename `@authenticated` (`import: [{ name: "@authenticated", as: "@auth" }]`),
// and an `@authenticated` imported from some other spec is not ours to enforce.
import { Kind, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';
import { AuthorizationError } from './errors';

export const LINK_SPEC = 'https://specs.apollo.dev/link';
export const AUTHENTICATED_SPEC = 'https://specs.apollo.dev/authenticated';
export const REQUIRES_SCOPES_SPEC = 'https://specs.apollo.dev/requiresScopes';
export const POLICY_SPEC = 'https://specs.apollo.dev/policy';
export const CLASSIFICATION_SPEC = 'https://specs.accord.example/classification';

/** The one version of each spec this gateway enforces. Anything else is refused, not ignored. */
const SUPPORTED_VERSION = 'v0.1';

const OUR_SPECS = {
  authenticated: AUTHENTICATED_SPEC,
  requiresScopes: REQUIRES_SCOPES_SPEC,
  policy: POLICY_SPEC,
  classification: CLASSIFICATION_SPEC,
} as const;

export type OurDirective = keyof typeof OUR_SPECS;

/** Local name of each directive in this supergraph, or null when its spec is not linked. */
export type LinkedDirectiveNames = Readonly<Record<OurDirective, string | null>>;

export interface SpecLink {
  readonly node: ConstDirectiveNode;
  /** The URL without its version segment, e.g. `https://specs.apollo.dev/authenticated`. */
  readonly identity: string;
  /** `v0.1`, or null when the URL has no version segment. */
  readonly version: string | null;
  /** The spec's own name (the last path segment before the version). */
  readonly specName: string;
  /** `as:` on the link, else the spec name: prefixes the spec's elements that are not imported. */
  readonly namespace: string;
  /** Imported directive names (with `@`), mapped to the local name they go by (with `@`). */
  readonly importedDirectives: ReadonlyMap<string, string>;
}

function parseSpecUrl(url: string): { identity: string; specName: string; version: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const segments = parsed.pathname.split('/').filter((segment) => segment.length > 0);
  const last = segments.at(-1);
  const version = last !== undefined && /^v\d+\.\d+$/.test(last) ? last : null;
  const nameSegments = version === null ? segments : segments.slice(0, -1);
  const specName = nameSegments.at(-1);
  if (specName === undefined) return null;
  return { identity: `${parsed.origin}/${nameSegments.join('/')}`, specName, version };
}

function argument(node: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return node.arguments?.find((arg) => arg.name.value === name)?.value;
}

function optionalString(node: ConstDirectiveNode, name: string): string | null {
  const value = argument(node, name);
  if (value === undefined || value.kind === Kind.NULL) return null;
  if (value.kind !== Kind.STRING) {
    throw new AuthorizationError('INVALID_LINK', `@${node.name.value}(${name}:) must be a string`);
  }
  return value.value;
}

function readImports(node: ConstDirectiveNode, url: string): Map<string, string> {
  const imports = new Map<string, string>();
  const value = argument(node, 'import');
  if (value === undefined || value.kind === Kind.NULL) return imports;
  const items = value.kind === Kind.LIST ? value.values : [value];
  for (const item of items) {
    let name: string | undefined;
    let as: string | undefined;
    if (item.kind === Kind.STRING) {
      name = item.value;
      as = item.value;
    } else if (item.kind === Kind.OBJECT) {
      const field = (key: string) => item.fields.find((f) => f.name.value === key)?.value;
      const nameValue = field('name');
      const asValue = field('as');
      if (nameValue?.kind === Kind.STRING) name = nameValue.value;
      as = asValue === undefined ? name : asValue.kind === Kind.STRING ? asValue.value : undefined;
    }
    if (name === undefined || as === undefined || name.startsWith('@') !== as.startsWith('@')) {
      throw new AuthorizationError('INVALID_LINK', `malformed import in @link(url: "${url}")`);
    }
    if (name.startsWith('@')) imports.set(name, as);
  }
  return imports;
}

/** The `@link` applications on the schema definition and its extensions, read per the link spec. */
export function readSpecLinks(document: DocumentNode): SpecLink[] {
  const schemaDirectives = document.definitions.flatMap((definition) =>
    definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION
      ? (definition.directives ?? [])
      : [],
  );
  // The link spec links itself, so its own application tells which name `@link` goes by here.
  const linkNames = new Set(
    schemaDirectives
      .filter((node) => {
        const url = argument(node, 'url');
        return url?.kind === Kind.STRING && parseSpecUrl(url.value)?.identity === LINK_SPEC;
      })
      .map((node) => node.name.value),
  );
  if (linkNames.size > 1) {
    throw new AuthorizationError('INVALID_LINK', `the link spec is linked under several names: ${[...linkNames].join(', ')}`);
  }
  const links: SpecLink[] = [];
  for (const node of schemaDirectives) {
    if (!linkNames.has(node.name.value)) continue;
    const url = optionalString(node, 'url');
    if (url === null) throw new AuthorizationError('INVALID_LINK', `@${node.name.value} without a url`);
    const parsed = parseSpecUrl(url);
    if (parsed === null) continue; // Not a spec URL: nothing this gateway could recognise.
    links.push({
      node,
      ...parsed,
      namespace: optionalString(node, 'as') ?? parsed.specName,
      importedDirectives: readImports(node, url),
    });
  }
  return links;
}

function localDirectiveName(link: SpecLink): string {
  const imported = link.importedDirectives.get(`@${link.specName}`);
  // Per the link spec, a spec's eponymous directive that is not imported goes by the namespace.
  return imported !== undefined ? imported.slice(1) : link.namespace;
}

/**
 * Resolves the local names of `@authenticated`, `@requiresScopes`, `@policy` and
 * `@classification`. Throws on a version other than v0.1 (fail closed: an unknown version's
 * rules are neither ignored nor guessed), on a spec linked twice, and on a name two links claim.
 */
export function resolveLinkedDirectiveNames(links: readonly SpecLink[]): LinkedDirectiveNames {
  const names: Record<OurDirective, string | null> = {
    authenticated: null,
    requiresScopes: null,
    policy: null,
    classification: null,
  };
  const claimedBy = new Map<string, string>();
  for (const [directive, identity] of Object.entries(OUR_SPECS) as Array<[OurDirective, string]>) {
    const matching = links.filter((link) => link.identity === identity);
    if (matching.length === 0) continue;
    if (matching.length > 1) throw new AuthorizationError('INVALID_LINK', `${identity} is linked more than once`);
    const link = matching[0]!;
    if (link.version !== SUPPORTED_VERSION) {
      throw new AuthorizationError(
        'UNSUPPORTED_SPEC_VERSION',
        `the supergraph links ${identity}/${link.version ?? '(no version)'}, but only ${SUPPORTED_VERSION} is supported; ` +
          'refusing to load rather than ignore or guess its rules',
      );
    }
    const local = localDirectiveName(link);
    const previous = claimedBy.get(local);
    if (previous !== undefined) {
      throw new AuthorizationError('DIRECTIVE_NAME_CONFLICT', `@${local} is claimed by both ${previous} and ${identity}`);
    }
    claimedBy.set(local, identity);
    names[directive] = local;
  }
  for (const link of links) {
    for (const local of link.importedDirectives.values()) {
      const ours = claimedBy.get(local.slice(1));
      if (ours !== undefined && ours !== link.identity) {
        throw new AuthorizationError('DIRECTIVE_NAME_CONFLICT', `${local} is claimed by both ${ours} and ${link.identity}`);
      }
    }
  }
  return names;
}
