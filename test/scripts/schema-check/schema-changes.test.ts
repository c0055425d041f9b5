// Breaking changes between two API schemas, grouped by the coordinate a client would recognise.
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaChanges } from '../../../scripts/lib/schema-check/schema-changes';

const CURRENT = buildSchema(/* GraphQL */ `
  type Query {
    model(id: ID!): Model
    models(first: Int, after: String): [Model!]!
  }
  type Model { id: ID! name: String! risk: Risk reviewer: Reviewer rank: Int }
  enum Risk { LOW HIGH CRITICAL }
  union Reviewer = Analyst | Partner
  type Analyst { id: ID! }
  type Partner { id: ID! }
  input Filter { name: String }
  type Mutation { rename(id: ID!, filter: Filter): Model }
`);

const PROPOSED = buildSchema(/* GraphQL */ `
  type Query {
    model(id: ID!, agency: String!): Model
    models(first: String): [Model!]!
  }
  type Model { id: ID! name: String risk: Risk reviewer: Reviewer rank: Int }
  enum Risk { LOW HIGH }
  union Reviewer = Analyst
  type Analyst { id: ID! }
  input Filter { name: String, sector: String! }
  type Mutation { rename(id: ID!, filter: Filter): Model }
`);

describe('schema changes', () => {
  it('reports each breaking change at its field, argument, enum value or type', () => {
    const { breaking } = schemaChanges(CURRENT, PROPOSED);
    expect(breaking.map(({ coordinate, changes }) => [coordinate, changes.map((c) => c.type)])).toEqual([
      ['Filter.sector', ['REQUIRED_INPUT_FIELD_ADDED']],
      ['Model.name', ['FIELD_CHANGED_KIND']],
      ['Partner', ['TYPE_REMOVED']],
      ['Query.model(agency:)', ['REQUIRED_ARG_ADDED']],
      ['Query.models(after:)', ['ARG_REMOVED']],
      ['Query.models(first:)', ['ARG_CHANGED_KIND']],
      ['Reviewer', ['TYPE_REMOVED_FROM_UNION']],
      ['Risk.CRITICAL', ['VALUE_REMOVED_FROM_ENUM']],
    ]);
  });

  it('finds nothing breaking in the reverse of a purely additive change', () => {
    const added = buildSchema('type Query { a: String b: Int }');
    const base = buildSchema('type Query { a: String }');
    expect(schemaChanges(base, added).breaking).toEqual([]);
    expect(schemaChanges(added, base).breaking.map((group) => group.coordinate)).toEqual(['Int', 'Query.b']);
  });
});
