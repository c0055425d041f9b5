// The Router's filter cases (and the docs' examples), run against Accord's filter. Where Accord
// deliberately differs (response-key paths, implementor-aware analysis) the fixture says why.
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeOperation } from '../../../gateway/authorization/analyze-operation';
import { buildAccessContext } from '../../../gateway/authorization/access-context';
import { filterOperation } from '../../../gateway/authorization/filter-operation';
import { accessOf, callerWith, nodesOf, normalized } from './support/filter-helpers';
import { composeSupergraph, loadSupergraph, type LoadedSupergraph } from './support/load-supergraph';
import { casesAt, supergraphText, type FilterVariant, type RouterCase } from './support/router-cases';

const loaded = new Map<string, LoadedSupergraph>();
function supergraphOf(routerCase: RouterCase): LoadedSupergraph {
  let supergraph = loaded.get(routerCase.id);
  if (!supergraph) {
    supergraph = loadSupergraph(routerCase.subgraphs ? composeSupergraph(routerCase.subgraphs) : supergraphText(routerCase));
    loaded.set(routerCase.id, supergraph);
  }
  return supergraph;
}

function accessFor(supergraph: LoadedSupergraph, variant: FilterVariant, document: ReturnType<typeof parse>) {
  if (variant.access) return accessOf(variant.access.authenticated, variant.access.scopes, variant.access.policies);
  const analysis = analyzeOperation(supergraph.schema, supergraph.rules, document);
  return buildAccessContext(callerWith(variant.caller!.scopes), analysis, variant.caller!.policies ?? []).access;
}

describe('Router filter cases', () => {
  for (const routerCase of casesAt('filter')) {
    describe(routerCase.id, () => {
      (routerCase.variants as FilterVariant[]).forEach((variant, index) => {
        it(`variant ${index}: filters ${variant.operation.replace(/\s+/g, ' ')} as the reference does`, () => {
          const supergraph = supergraphOf(routerCase);
          const document = parse(variant.operation);
          const result = filterOperation({
            schema: supergraph.schema,
            rules: supergraph.rules,
            document,
            access: accessFor(supergraph, variant, document),
          });

          expect(normalized(result.document)).toBe(normalized(variant.expected.filtered));
          expect(result.denials.map((denial) => denial.responsePath)).toEqual(variant.expected.responsePaths);

          const original = nodesOf(document);
          for (const denial of result.denials) {
            expect(original.has(denial.node)).toBe(true);
            expect(result.removed.has(denial.node)).toBe(true);
            expect(denial.rule).toMatch(/^@(authenticated|requiresScopes|policy)/);
          }
          if (result.document && variant.inputValid !== false) {
            expect(validate(supergraph.schema, result.document)).toEqual([]);
          }
        });
      });
    });
  }
});

describe('access narrowed by the analysis', () => {
  // The filter cache is keyed by the narrowed access, so the analysis must cover every
  // requirement the filter consults: narrowing must never change a filter result.
  for (const routerCase of casesAt('filter')) {
    (routerCase.variants as FilterVariant[]).forEach((variant, index) => {
      if (!variant.access) return;
      it(`${routerCase.id} variant ${index}: filters the same with the narrowed access`, () => {
        const supergraph = supergraphOf(routerCase);
        const document = parse(variant.operation);
        const { authenticated, scopes, policies } = variant.access!;
        const caller = authenticated || scopes.length > 0 ? callerWith(scopes) : null;
        const full = accessOf(caller !== null, scopes, policies);
        const analysis = analyzeOperation(supergraph.schema, supergraph.rules, document);
        const narrowed = buildAccessContext(caller, analysis, policies).access;
        const filter = (access: typeof full) => {
          const result = filterOperation({ schema: supergraph.schema, rules: supergraph.rules, document, access });
          return { document: normalized(result.document), denials: result.denials.map(({ coordinate, rule, responsePath }) => ({ coordinate, rule, responsePath })) };
        };
        expect(filter(narrowed)).toEqual(filter(full));
      });
    });
  }
});
