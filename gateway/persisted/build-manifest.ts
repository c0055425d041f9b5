// Builds a persisted query manifest (the safelist) from .graphql files: every named operation,
// with the fragments it uses, validated against the API schema. Fragments may live in any of the
// files; operation and fragment names must be unique across them.
import {
  GraphQLError,
  Kind,
  parse,
  print,
  validate,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { MANIFEST_FORMAT, sha256Hex, type ManifestOperation, type PersistedQueryManifest } from './manifest';

export interface OperationFile {
  /** Shown in error messages. */
  readonly path: string;
  readonly text: string;
}

export interface ManifestBuild {
  readonly manifest: PersistedQueryManifest;
  /** One line per problem (`file: message`); the manifest is only usable when there are none. */
  readonly problems: readonly string[];
}

function spreadNames(definition: DefinitionNode): string[] {
  const names: string[] = [];
  visit(definition, { FragmentSpread: (node) => void names.push(node.name.value) });
  return names;
}

/** The fragments an operation uses, directly or through other fragments, sorted by name. */
function fragmentsUsed(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending = spreadNames(operation);
  while (pending.length > 0) {
    const name = pending.pop()!;
    const fragment = fragments.get(name);
    if (used.has(name) || !fragment) continue;
    used.set(name, fragment);
    pending.push(...spreadNames(fragment));
  }
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

function located(file: string, error: GraphQLError): string {
  const at = error.locations?.[0];
  return `${file}${at ? `:${at.line}:${at.column}` : ''}: ${error.message}`;
}

export function buildManifest(files: readonly OperationFile[], schema: GraphQLSchema): ManifestBuild {
  const problems: string[] = [];
  const operations: Array<{ node: OperationDefinitionNode; file: string }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const fragmentFiles = new Map<string, string>();

  for (const file of files) {
    let definitions: readonly DefinitionNode[];
    try {
      definitions = parse(file.text).definitions;
    } catch (error) {
      problems.push(error instanceof GraphQLError ? located(file.path, error) : `${file.path}: ${String(error)}`);
      continue;
    }
    for (const definition of definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = definition.name.value;
        if (fragments.has(name)) problems.push(`${file.path}: fragment ${name} is also defined in ${fragmentFiles.get(name)}`);
        fragments.set(name, definition);
        fragmentFiles.set(name, file.path);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) problems.push(`${file.path}: every operation needs a name (the manifest lists operations by name)`);
        else operations.push({ node: definition, file: file.path });
      } else {
        problems.push(`${file.path}: only operations and fragments belong in operation files`);
      }
    }
  }

  const byName = new Map<string, string>();
  const entries: ManifestOperation[] = [];
  for (const { node, file } of operations) {
    const name = node.name!.value;
    const earlier = byName.get(name);
    if (earlier) {
      problems.push(`${file}: operation ${name} is also defined in ${earlier}`);
      continue;
    }
    byName.set(name, file);
    const document = { kind: Kind.DOCUMENT, definitions: [node, ...fragmentsUsed(node, fragments)] } as const;
    const errors = validate(schema, document);
    if (errors.length > 0) {
      for (const error of errors) problems.push(`${file}: operation ${name}: ${error.message}`);
      continue;
    }
    const body = document.definitions.map((definition) => print(definition)).join('\n\n');
    entries.push({ id: sha256Hex(body), name, type: node.operation, body });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return { manifest: { format: MANIFEST_FORMAT, version: 1, operations: entries }, problems };
}
