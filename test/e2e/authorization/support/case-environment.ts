// The subgraphs behind one pipeline case: built from the case's schema (the subgraphs it gives,
// or those Apollo's own extraction finds in its hand-written supergraph), serving the case's
// fixed data from one recording server, and the supergraph the gateway loads.
import { composeServices } from '@apollo/composition';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { parse, type GraphQLSchema } from 'graphql';
import { readAuthorizationRules } from '../../../../gateway/authorization';
import { supergraphText, type RouterCase } from '../../../gateway/authorization/support/router-cases';
import { CASE_DATA } from './case-data';
import { fixedDataSubgraph } from './fixed-data-subgraph';
import { startRecordingSubgraphs, type RecordingSubgraphs } from './recording-subgraphs';

export interface CaseEnvironment {
  readonly supergraphSdl: string;
  readonly subgraphs: RecordingSubgraphs;
  /** Subgraph schemas by name, to read recorded requests against. */
  readonly schemas: Readonly<Record<string, GraphQLSchema>>;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Every policy name the supergraph uses. */
  readonly policyNames: readonly string[];
}

interface SubgraphText {
  readonly name: string;
  readonly sdl: string;
}

/** The subgraphs Apollo's extraction reads out of a supergraph (its `for: SECURITY` links removed first). */
function extractedSubgraphs(supergraphSdl: string): SubgraphText[] {
  const { sanitizedSupergraphSdl } = readAuthorizationRules(supergraphSdl);
  return Supergraph.build(sanitizedSupergraphSdl)
    .subgraphs()
    .values()
    .map((subgraph) => ({ name: subgraph.name, sdl: printSchema(subgraph.schema) }));
}

/** `dataKey` names the case's fixed data (see case-data.ts); `supergraphCase` the case whose supergraph to use. */
export async function startCaseEnvironment(routerCase: RouterCase, dataKey: string, supergraphCase: RouterCase = routerCase): Promise<CaseEnvironment> {
  const data = CASE_DATA[dataKey];
  if (!data) throw new Error(`no fixed data for ${dataKey}`);
  const given = routerCase.subgraphs;
  const texts = given ? given.map(({ name, sdl }) => ({ name, sdl })) : extractedSubgraphs(supergraphText(supergraphCase));
  const schemas = Object.fromEntries(texts.map(({ name, sdl }) => [name, fixedDataSubgraph(sdl, data)]));
  const subgraphs = await startRecordingSubgraphs(schemas);
  const subgraphUrls = Object.fromEntries(texts.map(({ name }) => [name, subgraphs.urlOf(name)]));

  let supergraphSdl: string;
  if (given) {
    const composed = composeServices(texts.map(({ name, sdl }) => ({ name, url: subgraphUrls[name], typeDefs: parse(sdl) })));
    if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
    supergraphSdl = composed.supergraphSdl;
  } else {
    // The gateway is told the subgraphs' URLs by its config; the supergraph's own are unreachable.
    supergraphSdl = supergraphText(supergraphCase);
  }
  return { supergraphSdl, subgraphs, schemas, subgraphUrls, policyNames: [...readAuthorizationRules(supergraphSdl).rules.policyNames()] };
}
