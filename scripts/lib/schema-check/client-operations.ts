// The operations clients send, read from a folder of .graphql files or from a persisted-operations
// manifest (Apollo's `apollo-persisted-query-manifest` format, or a plain `{ "id": "query" }`
// object), and checked against an API schema.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GraphQLError, parse, separateOperations, Source, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

export interface ClientOperation {
  /** The operation's name, or where it was read when it has none. */
  readonly name: string;
  /** File (and line) or manifest id it was read from. */
  readonly origin: string;
  /** The operation and the fragments it uses; null when its text does not parse. */
  readonly document: DocumentNode | null;
  readonly parseError?: string;
}

function operationsOf(text: string, origin: string): ClientOperation[] {
  let document: DocumentNode;
  try {
    document = parse(new Source(text, origin));
  } catch (error) {
    return [{ name: origin, origin, document: null, parseError: (error as GraphQLError).message }];
  }
  return Object.entries(separateOperations(document)).map(([name, operation]) => {
    const line = operation.definitions.find((d) => d.kind === 'OperationDefinition')?.loc?.startToken.line;
    return { name: name || `(anonymous in ${origin})`, origin: line ? `${origin}:${line}` : origin, document: operation };
  });
}

async function graphqlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(graphql|gql)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

interface ManifestEntry {
  readonly id: string;
  readonly name?: string;
  readonly body: string;
}

function manifestEntries(parsed: unknown, file: string): ManifestEntry[] {
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { operations?: unknown }).operations)) {
    return (parsed as { operations: unknown[] }).operations.map((entry, index) => {
      const { id, name, body } = (entry ?? {}) as Record<string, unknown>;
      if (typeof body !== 'string') throw new Error(`${file}: operations[${index}].body must be a string`);
      return { id: typeof id === 'string' ? id : String(index), name: typeof name === 'string' ? name : undefined, body };
    });
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    return Object.entries(parsed as Record<string, unknown>).map(([id, body]) => {
      if (typeof body !== 'string') throw new Error(`${file}: the value of ${JSON.stringify(id)} must be the operation text`);
      return { id, body };
    });
  }
  throw new Error(`${file}: expected a persisted-operations manifest ({ "operations": [...] } or { "id": "query" })`);
}

/** Every operation under `location`: a folder searched for .graphql/.gql files, or a JSON manifest. */
export async function readClientOperations(location: string): Promise<ClientOperation[]> {
  let info;
  try {
    info = await stat(location);
  } catch (error) {
    throw new Error(`cannot read client operations at ${location}: ${(error as Error).message}`);
  }
  if (info.isDirectory()) {
    const operations: ClientOperation[] = [];
    for (const file of await graphqlFiles(location)) {
      operations.push(...operationsOf(await readFile(file, 'utf8'), path.relative(process.cwd(), file)));
    }
    return operations;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(location, 'utf8'));
  } catch (error) {
    throw new Error(`${location} is neither a folder nor a JSON manifest: ${(error as Error).message}`);
  }
  return manifestEntries(parsed, location).flatMap((entry) =>
    operationsOf(entry.body, `${path.basename(location)}#${entry.id}`).map((operation) =>
      entry.name ? { ...operation, name: entry.name } : operation,
    ),
  );
}

export interface OperationProblem {
  readonly operation: ClientOperation;
  readonly errors: readonly string[];
}

export interface OperationsVerdict {
  readonly checked: number;
  /** Valid against the current schema, invalid against the proposed one. */
  readonly broken: readonly OperationProblem[];
  /** Invalid already (or unparsable): not broken by this change, but worth knowing. */
  readonly alreadyInvalid: readonly OperationProblem[];
}

function errorsAgainst(schema: GraphQLSchema, document: DocumentNode): string[] {
  return validate(schema, document).map((error) => {
    const where = error.locations?.[0];
    return where ? `${error.message} (line ${where.line})` : error.message;
  });
}

export function checkOperations(operations: readonly ClientOperation[], current: GraphQLSchema, proposed: GraphQLSchema): OperationsVerdict {
  const broken: OperationProblem[] = [];
  const alreadyInvalid: OperationProblem[] = [];
  for (const operation of operations) {
    if (!operation.document) {
      alreadyInvalid.push({ operation, errors: [operation.parseError ?? 'does not parse'] });
      continue;
    }
    const before = errorsAgainst(current, operation.document);
    if (before.length) {
      alreadyInvalid.push({ operation, errors: before });
      continue;
    }
    const after = errorsAgainst(proposed, operation.document);
    if (after.length) broken.push({ operation, errors: after });
  }
  return { checked: operations.length, broken, alreadyInvalid };
}
