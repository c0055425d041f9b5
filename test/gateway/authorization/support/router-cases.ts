// The project's copy of the authorization conformance cases (test/fixtures/authorization).
import { readFileSync } from 'node:fs';
import type { SubgraphSource } from './load-supergraph';

export interface AccessSpec {
  readonly authenticated: boolean;
  readonly scopes: readonly string[];
  readonly policies: readonly string[];
}

export interface FilterVariant {
  readonly operation: string;
  /** Handed to the filter directly (the Router's visitor tests). */
  readonly access?: AccessSpec;
  /** Or: a caller whose access goes through analysis and the access context first. */
  readonly caller?: { readonly scopes: readonly string[]; readonly policies?: readonly string[] };
  readonly expected: {
    readonly filtered: string | null;
    readonly responsePaths: ReadonlyArray<ReadonlyArray<string>>;
    readonly routerPaths: readonly string[];
  };
  readonly inputValid?: boolean;
  readonly inputInvalidBecause?: string;
  readonly accord?: string;
}

export interface CompositionVariant {
  readonly subgraphs: readonly SubgraphSource[];
  readonly expected: {
    readonly coordinate?: string;
    readonly requirement?: string;
    readonly requirements?: Readonly<Record<string, string>>;
    readonly supergraphContains?: readonly string[];
    readonly errorCode?: string;
    readonly errorMessage?: string;
    readonly gatewayLoadErrorContains?: readonly string[];
  };
}

export interface RouterCase {
  readonly id: string;
  readonly level: 'filter' | 'analysis' | 'composition' | 'gateway-load' | 'pipeline';
  readonly directive: string;
  readonly supergraph?: string;
  readonly subgraphs?: readonly SubgraphSource[];
  readonly variants?: readonly unknown[];
  readonly analysis?: {
    readonly operation: string;
    readonly scopes?: readonly string[];
    readonly policies?: readonly string[];
  };
  readonly accord?: string;
}

interface Fixture {
  readonly supergraphs: Readonly<Record<string, string>>;
  readonly cases: readonly RouterCase[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/authorization/router-cases.json', import.meta.url), 'utf8'),
) as Fixture;

export function casesAt(...levels: Array<RouterCase['level']>): RouterCase[] {
  return fixture.cases.filter((routerCase) => levels.includes(routerCase.level));
}

/** The supergraph text a case names. */
export function supergraphText(routerCase: RouterCase): string {
  const text = routerCase.supergraph === undefined ? undefined : fixture.supergraphs[routerCase.supergraph];
  if (text === undefined) throw new Error(`case ${routerCase.id} names no known supergraph`);
  return text;
}
