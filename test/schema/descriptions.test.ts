// Analysts read the schema in explorers: every type, field, argument and input field of the
// API carries a description.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readAuthorizationRules } from '../../gateway/authorization';
import { SCHEMA_DIR } from '../../scripts/lib/subgraph-sources';

async function apiSchema(): Promise<GraphQLSchema> {
  const sdl = await readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
  return Supergraph.build(readAuthorizationRules(sdl).sanitizedSupergraphSdl).apiSchema().toGraphQLJSSchema();
}

function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type) || isUnionType(type)) continue;
  }
  return missing;
}

describe('schema documentation', () => {
  it('describes every type, field, argument and input field', async () => {
    expect(undocumented(await apiSchema())).toEqual([]);
  });
});
