// npm run check -- <subgraph> <new-sdl-file> [--operations DIR|MANIFEST] [--accept-weaker-access COORD ...]
//                  [--supergraph FILE|URL] [--schema-dir DIR] [--config FILE]
// The check a subgraph team runs in its CI before deploying: composes the proposed SDL with the
// other subgraphs' current SDL and compares the result with the supergraph being served.
// Exit code: 0 passed, 1 failed (composition, breaking change, security finding not accepted,
// broken client operation), 2 unusable input.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SUBGRAPH_CONFIG, readSubgraphConfig } from './lib/subgraph-config';
import { SCHEMA_DIR } from './lib/subgraph-sources';
import { CheckInputError, runCheck } from './lib/schema-check/run-check';
import { formatCheckReport } from './lib/schema-check/check-report';

const USAGE = `usage: npm run check -- <subgraph> <new-sdl-file> [--operations DIR|MANIFEST.json]
  [--accept-weaker-access Type.field ...] [--supergraph FILE|URL] [--schema-dir DIR] [--config FILE]
  --operations            client operations: a folder of .graphql files or a persisted-operations manifest
  --accept-weaker-access  accept a security finding (weaker access, lowered classification) on a
                          type or field; repeat for each; recorded in the report
  --supergraph            the supergraph being served (default <schema-dir>/supergraph.graphql)
  --schema-dir            where the other subgraphs' current SDL files are (default schema/)`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        operations: { type: 'string' },
        'accept-weaker-access': { type: 'string', multiple: true, default: [] },
        supergraph: { type: 'string' },
        'schema-dir': { type: 'string', default: SCHEMA_DIR },
        config: { type: 'string', default: DEFAULT_SUBGRAPH_CONFIG },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const [subgraph, proposedFile] = positionals as [string, string];
  const schemaDir = path.resolve(values['schema-dir']);
  let entries;
  try {
    entries = readSubgraphConfig(values.config);
  } catch (error) {
    console.error(`check: ${(error as Error).message}`);
    return 2;
  }
  try {
    const result = await runCheck({
      subgraph,
      proposedFile: path.resolve(proposedFile),
      entries,
      schemaDir,
      currentSupergraph: values.supergraph ?? path.join(schemaDir, 'supergraph.graphql'),
      operations: values.operations ? path.resolve(values.operations) : undefined,
      acceptedWeakerAccess: values['accept-weaker-access'],
    });
    const report = formatCheckReport(result);
    if (result.passed) console.log(report);
    else console.error(report);
    return result.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof CheckInputError) {
      console.error(`check: ${error.code}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
