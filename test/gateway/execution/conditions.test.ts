// @skip/@include decided by variables: read once per execution, from the operation that runs.
import { describe, expect, it } from 'vitest';
import { useFeatureGateways } from './support/feature-suite';
import { wire } from './support/gateways';

describe('@skip and @include', () => {
  const suite = useFeatureGateways();

  const DOCUMENT = `
    query Plain { book(id: "b1") { title } }
    query Priced($withPrice: Boolean!) { book(id: "b1") { ...Priced } }
    fragment Priced on Book { title price @include(if: $withPrice) }`;

  it('needs only the condition variables of the operation that runs', async () => {
    const outcome = await suite.gateways.accord(DOCUMENT, { operationName: 'Plain' });
    expect(wire(outcome.response)).toEqual({ data: { book: { title: 'Dune' } } });
  });

  it('shapes each combination of condition values by its own variant', async () => {
    const priced = await suite.gateways.accord(DOCUMENT, { operationName: 'Priced', variables: { withPrice: true } });
    const unpriced = await suite.gateways.accord(DOCUMENT, { operationName: 'Priced', variables: { withPrice: false } });
    expect(wire(priced.response)).toEqual({ data: { book: { title: 'Dune', price: 9.5 } } });
    expect(wire(unpriced.response)).toEqual({ data: { book: { title: 'Dune' } } });
  });

  it('refuses a condition variable that is not a Boolean, without calling any subgraph', async () => {
    suite.subgraphs.resetStats();
    const outcome = await suite.gateways.accord(DOCUMENT, { operationName: 'Priced', variables: { withPrice: 'yes' } });
    expect(wire(outcome.response)).toEqual({
      errors: [
        {
          message: 'Variable "$withPrice" must be a Boolean: it decides an @skip or @include',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(suite.subgraphs.stats().requests).toEqual({});
  });
});
