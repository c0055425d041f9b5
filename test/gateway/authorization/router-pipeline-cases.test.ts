// The pipeline cases run end to end in the gateway's tests. Here: every one of them carries a
// schema the authorization layer and @apollo/federation-internals accept, so those tests can use them.
import { describe, expect, it } from 'vitest';
import { composeSupergraph, loadSupergraph } from './support/load-supergraph';
import { casesAt, supergraphText } from './support/router-cases';

describe('Router pipeline cases', () => {
  for (const routerCase of casesAt('pipeline')) {
    if (!routerCase.supergraph && !routerCase.subgraphs) continue;
    it(`${routerCase.id}: its supergraph loads with authorization rules`, () => {
      const text = routerCase.subgraphs ? composeSupergraph(routerCase.subgraphs) : supergraphText(routerCase);
      const { rules, schema } = loadSupergraph(text);
      expect(schema.getQueryType()).toBeDefined();
      expect(rules.protectedCoordinates().size).toBeGreaterThan(0);
    });
  }
});
