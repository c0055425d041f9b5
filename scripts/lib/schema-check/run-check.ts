// The check a subgraph team runs before it deploys: compose its proposed SDL with the other
// subgraphs' current SDL, then compare the result with the supergraph being served: breaking
// changes, weaker access, lowered markings, and the client operations that would stop working.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { composeSupergraph, type CompositionProblem } from '../compose';
import type { SubgraphEntry } from '../subgraph-config';
import { sourcesFromFiles } from '../subgraph-sources';
import { readSupergraph } from '../../../gateway/supergraph/read-supergraph';
import { securityFindings, type SecurityFinding } from './access-changes';
import { checkOperations, readClientOperations, type OperationsVerdict } from './client-operations';
import { schemaChanges, type CoordinateChanges } from './schema-changes';
import { snapshotOf, UnloadableSupergraphError } from './supergraph-snapshot';

export interface CheckInput {
  readonly subgraph: string;
  /** The proposed SDL file. */
  readonly proposedFile: string;
  /** The subgraphs and their routing URLs (schema/subgraphs.json). */
  readonly entries: readonly SubgraphEntry[];
  /** Where the other subgraphs' current SDL files are (`<name>.graphql`). */
  readonly schemaDir: string;
  /** The supergraph being served: a file or an http(s) URL. */
  readonly currentSupergraph: string;
  /** A folder of .graphql files or a persisted-operations manifest. */
  readonly operations?: string;
  /** Coordinates whose security findings are accepted (`--accept-weaker-access`). */
  readonly acceptedWeakerAccess?: readonly string[];
}

export interface AssessedFinding extends SecurityFinding {
  readonly accepted: boolean;
}

export type CheckResult =
  | { readonly subgraph: string; readonly proposedFile: string; readonly passed: false; readonly composition: readonly CompositionProblem[] }
  | {
      readonly subgraph: string;
      readonly proposedFile: string;
      readonly passed: boolean;
      readonly composition: readonly [];
      readonly breaking: readonly CoordinateChanges[];
      readonly dangerous: readonly CoordinateChanges[];
      readonly security: readonly AssessedFinding[];
      /** Overrides given that matched no finding (a typo, or a finding that went away). */
      readonly unusedOverrides: readonly string[];
      readonly operations: OperationsVerdict | null;
    };

/** Input the check cannot work with (unknown subgraph, unreadable file): a usage error, not a failed check. */
export class CheckInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CheckInputError';
  }
}

function unloadable(error: UnloadableSupergraphError, subgraph: string): CompositionProblem {
  return { code: error.code, message: `the gateway would refuse the composed supergraph: ${error.message}`, subgraphs: [subgraph], locations: [] };
}

async function readInput(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CheckInputError('INPUT_UNREADABLE', `cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

export async function runCheck(input: CheckInput): Promise<CheckResult> {
  const { subgraph, proposedFile } = input;
  if (!input.entries.some((entry) => entry.name === subgraph)) {
    throw new CheckInputError('UNKNOWN_SUBGRAPH', `unknown subgraph ${JSON.stringify(subgraph)} (known: ${input.entries.map((e) => e.name).join(', ')})`);
  }
  const proposedSdl = await readInput(proposedFile, 'the proposed SDL');
  let currentSdl: string;
  try {
    currentSdl = await readSupergraph(input.currentSupergraph);
  } catch (error) {
    throw new CheckInputError('INPUT_UNREADABLE', (error as Error).message);
  }
  const others = input.entries.filter((entry) => entry.name !== subgraph);
  let sources;
  try {
    sources = await sourcesFromFiles(others, input.schemaDir);
  } catch (error) {
    throw new CheckInputError('INPUT_UNREADABLE', (error as Error).message);
  }
  const own = input.entries.find((entry) => entry.name === subgraph)!;
  sources.push({ ...own, sdl: proposedSdl, origin: path.relative(process.cwd(), proposedFile) || proposedFile });

  const base = { subgraph, proposedFile };
  const composed = composeSupergraph(sources);
  if (!composed.ok) return { ...base, passed: false, composition: composed.problems };

  let current;
  try {
    current = snapshotOf(currentSdl);
  } catch (error) {
    if (error instanceof UnloadableSupergraphError) {
      throw new CheckInputError('CURRENT_SUPERGRAPH_INVALID', `the current supergraph ${input.currentSupergraph} cannot be loaded: ${error.message}`);
    }
    throw error;
  }
  let proposed;
  try {
    proposed = snapshotOf(composed.supergraphSdl);
  } catch (error) {
    if (error instanceof UnloadableSupergraphError) return { ...base, passed: false, composition: [unloadable(error, subgraph)] };
    throw error;
  }

  const { breaking, dangerous } = schemaChanges(current.apiSchema, proposed.apiSchema);
  const accepted = new Set(input.acceptedWeakerAccess ?? []);
  const security = securityFindings(current, proposed).map((finding) => ({ ...finding, accepted: accepted.has(finding.coordinate) }));
  const unusedOverrides = [...accepted].filter((coordinate) => !security.some((finding) => finding.coordinate === coordinate));
  let operations: OperationsVerdict | null = null;
  if (input.operations) {
    let list;
    try {
      list = await readClientOperations(input.operations);
    } catch (error) {
      throw new CheckInputError('OPERATIONS_UNREADABLE', (error as Error).message);
    }
    operations = checkOperations(list, current.apiSchema, proposed.apiSchema);
  }
  const passed = breaking.length === 0 && security.every((finding) => finding.accepted) && (operations?.broken.length ?? 0) === 0;
  return { ...base, passed, composition: [], breaking, dangerous, security, unusedOverrides, operations };
}
