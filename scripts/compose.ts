// npm run compose [-- --from code|files|running] [--config schema/subgraphs.json] [--out DIR]
//                   [--gateway-key FILE]
// Composes the subgraphs into DIR/supergraph.graphql and writes each subgraph's SDL next to it.
//   code     (default) build each agency's SDL from its code
//   files    read DIR/<name>.graphql (what a subgraph team checked in)
//   running  ask each running subgraph at its routing URL for `_service { sdl }`, with a gateway
//            token signed by the gateway's private key: `--gateway-key` or ACCORD_GATEWAY_KEY,
//            in development the key in the data folder. Production passes the key the gateway
//            itself is given (the same secret), or composes from files in CI instead.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SUBGRAPH_CONFIG, readSubgraphConfig } from './lib/subgraph-config';
import { DATA_DIR } from '../gateway/config/data-dir';
import { developmentGatewayKeyFile, gatewayTokenHeaders } from './lib/gateway-token-headers';
import { SCHEMA_DIR, sdlFileOf, sourcesFromCode, sourcesFromFiles, sourcesFromRunning, type SubgraphSource } from './lib/subgraph-sources';
import { composeSupergraph, formatProblem } from './lib/compose';

const USAGE = 'usage: npm run compose -- [--from code|files|running] [--config FILE] [--out DIR] [--gateway-key FILE]';

/** The gateway's private key: given explicitly, or (development only) the one in the data folder. */
function gatewayKeyFile(flag: string | undefined): string {
  const given = flag ?? process.env.ACCORD_GATEWAY_KEY;
  if (given) return path.resolve(given);
  if (process.env.NODE_ENV === 'production') {
    throw new Error('--from running needs the gateway\'s private key in production: --gateway-key FILE or ACCORD_GATEWAY_KEY');
  }
  return developmentGatewayKeyFile(DATA_DIR);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs({
      options: {
        from: { type: 'string', default: 'code' },
        config: { type: 'string', default: DEFAULT_SUBGRAPH_CONFIG },
        out: { type: 'string', default: SCHEMA_DIR },
        'gateway-key': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const entries = readSubgraphConfig(options.config);
  const outDir = path.resolve(options.out);
  let sources: SubgraphSource[];
  switch (options.from) {
    case 'code':
      sources = await sourcesFromCode(entries);
      break;
    case 'files':
      sources = await sourcesFromFiles(entries, outDir);
      break;
    case 'running':
      sources = await sourcesFromRunning(entries, await gatewayTokenHeaders(gatewayKeyFile(options['gateway-key'])));
      break;
    default:
      console.error(`unknown --from ${JSON.stringify(options.from)}\n${USAGE}`);
      return 2;
  }
  const result = composeSupergraph(sources);
  if (!result.ok) {
    console.error(`Composition failed with ${result.problems.length} error(s):`);
    for (const problem of result.problems) console.error(formatProblem(problem));
    return 1;
  }
  for (const hint of result.hints) console.warn(`hint: ${hint}`);
  await mkdir(outDir, { recursive: true });
  if (options.from !== 'files') {
    for (const source of sources) await writeFile(sdlFileOf(source.name, outDir), source.sdl);
  }
  const supergraphFile = path.join(outDir, 'supergraph.graphql');
  await writeFile(supergraphFile, result.supergraphSdl);
  console.log(`composed ${sources.map((s) => s.name).join(', ')} (from ${options.from}) into ${path.relative(process.cwd(), supergraphFile)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`compose failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
