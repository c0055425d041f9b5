// The requirement extraction cases: which scopes and policies an operation mentions. Accord
// also looks through interface implementors (the Router does not; the fixture says where).
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeOperation } from '../../../gateway/authorization/analyze-operation';
import { loadSupergraph } from './support/load-supergraph';
import { casesAt, supergraphText } from './support/router-cases';

describe('Router analysis cases', () => {
  for (const routerCase of casesAt('analysis', 'filter').filter((candidate) => candidate.analysis)) {
    const expected = routerCase.analysis!;
    it(`${routerCase.id}: finds the scopes and policies of ${expected.operation}`, () => {
      const { schema, rules } = loadSupergraph(supergraphText(routerCase));
      const analysis = analyzeOperation(schema, rules, parse(expected.operation));
      if (expected.scopes) expect([...analysis.scopes].sort()).toEqual([...expected.scopes].sort());
      if (expected.policies) expect([...analysis.policies].sort()).toEqual([...expected.policies].sort());
    });
  }
});
