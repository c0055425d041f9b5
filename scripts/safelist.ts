// Builds the safelist (an Apollo persisted query manifest) from a folder of .graphql files, each
// operation validated against the current API schema.
//   npm run safelist -- <folder-of-.graphql> <manifest.json> [--supergraph FILE]
// Exit codes: 0 written, 1 an operation is invalid (nothing written), 2 usage error.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildManifest, type OperationFile } from '../gateway/persisted/build-manifest';
import { apiSchemaOf } from '../gateway/persisted/api-schema';
import { REPO_ROOT } from '../gateway/config/data-dir';

const USAGE = 'usage: npm run safelist -- <folder-of-.graphql> <manifest.json> [--supergraph FILE]';

async function graphqlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { supergraph: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [folder, output] = parsed.positionals;
  if (!folder || !output || parsed.positionals.length > 2) {
    console.error(USAGE);
    return 2;
  }
  let files: string[];
  try {
    files = await graphqlFiles(folder);
  } catch (error) {
    console.error(`cannot read ${folder}: ${(error as Error).message}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(`no .graphql files in ${folder}`);
    return 2;
  }
  const supergraph = parsed.values.supergraph ?? path.join(REPO_ROOT, 'schema', 'supergraph.graphql');
  const schema = apiSchemaOf(await readFile(supergraph, 'utf8'));
  const sources: OperationFile[] = await Promise.all(
    files.map(async (file) => ({ path: path.relative(process.cwd(), file), text: await readFile(file, 'utf8') })),
  );
  const { manifest, problems } = buildManifest(sources, schema);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error(`${problems.length} problem(s); ${output} not written`);
    return 1;
  }
  await writeFile(output, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${manifest.operations.length} operation(s) from ${files.length} file(s) written to ${output}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`safelist failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
