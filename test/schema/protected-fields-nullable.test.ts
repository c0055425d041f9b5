// A denied field is answered with null. If it were non-null, null propagation would take its
// parent with it, and often the whole response: every field with an access rule of its own
// (beyond "authenticated") must therefore be nullable, so that a denial costs only that field.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { isNonNullType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readAuthorizationRules } from '../../gateway/authorization';
import { SCHEMA_DIR } from '../../scripts/lib/subgraph-sources';

describe('schema shape for field-level authorization', () => {
  it('makes every field with its own scope or policy rule nullable', async () => {
    const sdl = await readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
    const { rules, sanitizedSupergraphSdl } = readAuthorizationRules(sdl);
    const schema = Supergraph.build(sanitizedSupergraphSdl).apiSchema().toGraphQLJSSchema();
    const protectedFields: string[] = [];
    const nonNull: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const own = rules.fieldRequirement(type.name, field.name);
        if (own.scopes.length === 0 && own.policies.length === 0) continue;
        protectedFields.push(`${type.name}.${field.name}`);
        if (isNonNullType(field.type)) nonNull.push(`${type.name}.${field.name}`);
      }
    }
    expect(protectedFields.length).toBeGreaterThan(30);
    expect(nonNull).toEqual([]);
  });
});
