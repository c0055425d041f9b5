// Turns supergraph text (or subgraphs to compose) into what the authorization layer works on:
// the rules read from the original text, and the API schema built the way the gateway builds
// it, from the sanitized text with @apollo/federation-internals.
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import { readAuthorizationRules } from '../../../../gateway/authorization/read-rules';
import type { AuthorizationRules } from '../../../../gateway/authorization/rules';

export interface SubgraphSource {
  readonly name: string;
  readonly sdl: string;
}

export interface LoadedSupergraph {
  readonly supergraphSdl: string;
  readonly sanitizedSupergraphSdl: string;
  readonly rules: AuthorizationRules;
  /** The API schema, with `@defer` (the Router's test operations use it). */
  readonly schema: GraphQLSchema;
}

// Vitest resolves `graphql` to its ES module build for project files, while
// @apollo/federation-internals (CommonJS) uses the CommonJS build: two copies whose classes do
// not recognise each other's objects. Node, and so the gateway at run time, loads one copy. The
// API schema is therefore printed with the copy that built it and rebuilt with the project's.
const federationGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export function loadSupergraph(supergraphSdl: string): LoadedSupergraph {
  const { rules, sanitizedSupergraphSdl } = readAuthorizationRules(supergraphSdl);
  const apiSchema = Supergraph.build(sanitizedSupergraphSdl).apiSchema().toGraphQLJSSchema({ includeDefer: true });
  const schema = buildSchema(federationGraphql.printSchema(apiSchema));
  return { supergraphSdl, sanitizedSupergraphSdl, rules, schema };
}

export type Composition = { readonly supergraphSdl: string } | { readonly errors: ReadonlyArray<{ code: string; message: string }> };

export function compose(subgraphs: readonly SubgraphSource[]): Composition {
  const result = composeServices(
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: `http://${subgraph.name}.invalid/graphql`, typeDefs: parse(subgraph.sdl) })),
  );
  if (result.errors) {
    return { errors: result.errors.map((error) => ({ code: String(error.extensions['code']), message: error.message })) };
  }
  return { supergraphSdl: result.supergraphSdl };
}

/** Composes subgraphs that must compose. */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): string {
  const composition = compose(subgraphs);
  if ('errors' in composition) throw new Error(composition.errors.map((error) => error.message).join('\n'));
  return composition.supergraphSdl;
}
