// Composition cases, composed with the installed @apollo/composition, and read back with
// readAuthorizationRules; and the gateway-load case, run with the installed @apollo/gateway.
import { ApolloGateway } from '@apollo/gateway';
import { describe, expect, it } from 'vitest';
import { describeRequirement } from '../../../gateway/authorization/describe-requirement';
import { readAuthorizationRules } from '../../../gateway/authorization/read-rules';
import type { AuthorizationRules } from '../../../gateway/authorization/rules';
import { compose, composeSupergraph } from './support/load-supergraph';
import { casesAt, type CompositionVariant } from './support/router-cases';

function describeCoordinate(rules: AuthorizationRules, coordinate: string): string {
  const [typeName, fieldName] = coordinate.split('.') as [string, string | undefined];
  return describeRequirement(fieldName === undefined ? rules.typeRequirement(typeName) : rules.fieldRequirement(typeName, fieldName));
}

describe('Router composition cases', () => {
  for (const routerCase of casesAt('composition')) {
    (routerCase.variants as CompositionVariant[]).forEach((variant, index) => {
      const { expected } = variant;
      const outcome = expected.errorCode ? `fails with ${expected.errorCode}` : 'composes to the expected requirement';
      it(`${routerCase.id} variant ${index}: ${outcome}`, () => {
        const composition = compose(variant.subgraphs);
        if (expected.errorCode) {
          expect('errors' in composition).toBe(true);
          if (!('errors' in composition)) return;
          expect(composition.errors).toContainEqual({ code: expected.errorCode, message: expected.errorMessage });
          return;
        }
        if ('errors' in composition) throw new Error(composition.errors.map((error) => error.message).join('\n'));
        const { rules } = readAuthorizationRules(composition.supergraphSdl);
        if (expected.coordinate) expect(describeCoordinate(rules, expected.coordinate)).toBe(expected.requirement);
        for (const [coordinate, requirement] of Object.entries(expected.requirements ?? {})) {
          expect(describeCoordinate(rules, coordinate)).toBe(requirement);
        }
        for (const text of expected.supergraphContains ?? []) expect(composition.supergraphSdl).toContain(text);
      });
    });
  }
});

describe('Router gateway-load case', () => {
  for (const routerCase of casesAt('gateway-load')) {
    const variant = (routerCase.variants as CompositionVariant[])[0]!;
    const supergraphSdl = composeSupergraph(variant.subgraphs);

    it(`${routerCase.id}: @apollo/gateway refuses the composed supergraph`, async () => {
      const gateway = new ApolloGateway({ supergraphSdl });
      const failure = await gateway.load().then(
        () => null,
        (error: unknown) => String(error),
      );
      for (const text of variant.expected.gatewayLoadErrorContains ?? []) expect(failure).toContain(text);
      await gateway.stop();
    });

    it(`${routerCase.id}: @apollo/gateway loads the sanitized supergraph, whose API schema has no authorization directives`, async () => {
      const { sanitizedSupergraphSdl, rules } = readAuthorizationRules(supergraphSdl);
      const gateway = new ApolloGateway({ supergraphSdl: sanitizedSupergraphSdl });
      const { schema } = await gateway.load();
      expect(schema.getDirective('authenticated')).toBeUndefined();
      expect(schema.getDirective('requiresScopes')).toBeUndefined();
      expect(schema.getQueryType()?.getFields()['a']?.astNode?.directives ?? []).toEqual([]);
      // The rules are still there, read from the original text.
      expect(describeRequirement(rules.fieldRequirement('Query', 'a'))).toBe('@authenticated');
      expect(describeRequirement(rules.fieldRequirement('Query', 'b'))).toBe('@requiresScopes(scopes: [["read:foo"]])');
      await gateway.stop();
    });
  }
});
