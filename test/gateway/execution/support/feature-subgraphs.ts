// Small subgraphs with what the benchmark lacks: interfaces and unions, an entity interface
// another subgraph extends with @interfaceObject (representations rewritten on the way),
// @requires through a non-null chain, @provides, enums and custom scalars, nested lists,
// duplicate entities, and fields that fail (at the root, inside entities, in non-null positions).
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, GraphQLScalarType, parse } from 'graphql';
import { startSubgraphServer, type RunningSubgraphServer } from '../../../../scripts/bench/public-workload/subgraph-server';

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@interfaceObject"])`;

export const FEATURE_SDL = {
  catalog: `${LINK}
    scalar JSON
    enum Format { HARDCOVER PAPERBACK EBOOK }
    interface Item @key(fields: "id") { id: ID! title: String! }
    type Dimensions @shareable { width: Int! height: Int! }
    type Book implements Item @key(fields: "id") {
      id: ID!
      title: String!
      format: Format
      pages: Int
      metadata: JSON
      dimensions: Dimensions!
      tags: [[String]]
    }
    type Film implements Item @key(fields: "id") {
      id: ID!
      title: String!
      minutes: Int!
    }
    union Media = Book | Film
    type Query {
      items: [Item!]!
      media: [Media]
      item(id: ID!): Item
      book(id: ID!): Book
      shelves: [[Book]]
      emptyShelf: [Book!]!
      matrix: [[Int]]
      broken: String
      brokenStrict: String!
      badEnum: Format
    }
    type Mutation {
      rename(id: ID!, title: String!): Book
    }`,
  pricing: `${LINK}
    type Dimensions @shareable { width: Int! height: Int! }
    type Book @key(fields: "id") {
      id: ID!
      dimensions: Dimensions! @external
      shippingCost: Int! @requires(fields: "dimensions { width height }")
      price: Float
      priceStrict: Float!
    }
    type Film @key(fields: "id") {
      id: ID!
      price: Float
    }`,
  reviews: `${LINK}
    type Review @key(fields: "id") {
      id: ID!
      body: String!
      rating: Int
      book: Book
      author: Author @provides(fields: "name")
    }
    type Author @key(fields: "id") {
      id: ID!
      name: String @external
    }
    type Book @key(fields: "id") {
      id: ID!
      reviews: [Review!]!
      flaky: String
    }
    type Query {
      topReviews: [Review!]!
    }`,
  people: `${LINK}
    type Author @key(fields: "id") {
      id: ID!
      name: String @shareable
      email: String
    }`,
  ratings: `${LINK}
    type Item @key(fields: "id") @interfaceObject {
      id: ID!
      stars: Int
    }
    type Query {
      topRated: [Item!]!
    }`,
} as const;

interface BookRow {
  id: string;
  title: string;
  format: string;
  pages: number;
  metadata: unknown;
  dimensions: { width: number; height: number };
  tags: (string | null)[][];
}

const BOOKS: BookRow[] = [
  { id: 'b1', title: 'Dune', format: 'HARDCOVER', pages: 412, metadata: { isbn: '978-0441013593', reprints: [1965, 1990] }, dimensions: { width: 15, height: 23 }, tags: [['sf', 'classic'], []] },
  { id: 'b2', title: 'Solaris', format: 'PAPERBACK', pages: 204, metadata: null, dimensions: { width: 13, height: 20 }, tags: [['sf', null]] },
  { id: 'b3', title: 'Ubik', format: 'EBOOK', pages: 202, metadata: 'plain', dimensions: { width: 12, height: 19 }, tags: [] },
];
const FILMS = [
  { id: 'f1', title: 'Stalker', minutes: 162 },
  { id: 'f2', title: 'Alien', minutes: 117 },
];
const REVIEWS = [
  { id: 'r1', body: 'Spice', rating: 5, bookId: 'b1', authorId: 'a1' },
  { id: 'r2', body: 'Ocean', rating: 4, bookId: 'b2', authorId: 'a2' },
  { id: 'r3', body: 'Sand again', rating: null, bookId: 'b1', authorId: 'a1' },
  { id: 'r4', body: 'Reality', rating: 3, bookId: 'b3', authorId: 'a3' },
];
const AUTHORS = [
  { id: 'a1', name: 'Ann', email: 'ann@example.org' },
  { id: 'a2', name: 'Bo', email: 'bo@example.org' },
  { id: 'a3', name: 'Cy', email: null },
];

const bookById = (id: string) => BOOKS.find((b) => b.id === id) ?? null;
const filmById = (id: string) => FILMS.find((f) => f.id === id) ?? null;
const itemById = (id: string) => {
  const book = bookById(id);
  if (book) return { __typename: 'Book', ...book };
  const film = filmById(id);
  return film ? { __typename: 'Film', ...film } : null;
};

const JSONScalar = new GraphQLScalarType({ name: 'JSON', serialize: (value) => value });

const RESOLVERS = {
  catalog: {
    JSON: JSONScalar,
    Item: {
      __resolveType: (item: { __typename: string }) => item.__typename,
      __resolveReference: ({ id }: { id: string }) => itemById(id),
    },
    Media: { __resolveType: (item: { __typename: string }) => item.__typename },
    Query: {
      // b1 appears twice: its entity fetches carry a duplicate representation.
      items: () => ['b1', 'f1', 'b2', 'b1', 'f2', 'b3'].map(itemById),
      media: () => [itemById('f2'), null, itemById('b3')],
      item: (_: unknown, { id }: { id: string }) => itemById(id),
      book: (_: unknown, { id }: { id: string }) => bookById(id),
      shelves: () => [[bookById('b1'), null], [], [bookById('b2'), bookById('b1')]],
      emptyShelf: () => [],
      matrix: () => [[1, 2], [], [3, null]],
      broken: () => {
        throw new Error('catalog broke');
      },
      brokenStrict: () => {
        throw new GraphQLError('catalog broke hard', { extensions: { code: 'CATALOG_DOWN' } });
      },
      badEnum: () => 'VINYL',
    },
    Mutation: {
      // Answers with a renamed copy and keeps the data as it was, so tests stay independent.
      rename: (_: unknown, { id, title }: { id: string; title: string }) => {
        const book = bookById(id);
        return book ? { ...book, title } : null;
      },
    },
    Book: { __resolveReference: ({ id }: { id: string }) => bookById(id) },
    Film: { __resolveReference: ({ id }: { id: string }) => filmById(id) },
  },
  pricing: {
    Book: {
      __resolveReference: (ref: { id: string; dimensions?: { width: number; height: number } }) => ref,
      shippingCost: (book: { dimensions: { width: number; height: number } }) =>
        book.dimensions.width * book.dimensions.height,
      price: ({ id }: { id: string }) => ({ b1: 9.5, b2: 7.25, b3: 3 })[id] ?? null,
      priceStrict: ({ id }: { id: string }) => {
        if (id === 'b3') throw new Error('no price for b3');
        return 1.5;
      },
    },
    Film: {
      __resolveReference: (ref: { id: string }) => ref,
      price: ({ id }: { id: string }) => (id === 'f1' ? 12 : null),
    },
  },
  reviews: {
    Query: { topReviews: () => REVIEWS },
    Review: {
      __resolveReference: ({ id }: { id: string }) => REVIEWS.find((r) => r.id === id) ?? null,
      book: (review: { bookId: string }) => ({ id: review.bookId }),
      author: (review: { authorId: string }) => AUTHORS.find((a) => a.id === review.authorId),
    },
    Book: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: ({ id }: { id: string }) => REVIEWS.filter((r) => r.bookId === id),
      flaky: ({ id }: { id: string }) => {
        if (id === 'b1') throw new GraphQLError(`flaky ${id}`, { extensions: { code: 'FLAKY' } });
        return `steady ${id}`;
      },
    },
  },
  people: {
    Author: { __resolveReference: ({ id }: { id: string }) => AUTHORS.find((a) => a.id === id) ?? null },
  },
  ratings: {
    Query: { topRated: () => ['f2', 'b1', 'b3'].map((id) => ({ id })) },
    Item: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      stars: ({ id }: { id: string }) => ({ b1: 5, b2: 3, f1: 4, f2: 5 })[id] ?? null,
    },
  },
};

export type FeatureSubgraph = keyof typeof FEATURE_SDL;
export const FEATURE_SUBGRAPHS = Object.keys(FEATURE_SDL) as FeatureSubgraph[];

export function composeFeatureSupergraph(baseUrl: string): string {
  const result = composeServices(
    FEATURE_SUBGRAPHS.map((name) => ({ name, url: `${baseUrl}/${name}`, typeDefs: parse(FEATURE_SDL[name]) })),
  );
  if (result.errors) throw new Error(result.errors.map(String).join('\n'));
  return result.supergraphSdl;
}

export function startFeatureSubgraphs(): Promise<RunningSubgraphServer> {
  const routes = Object.fromEntries(
    FEATURE_SUBGRAPHS.map((name) => [
      name,
      buildSubgraphSchema([{ typeDefs: parse(FEATURE_SDL[name]), resolvers: RESOLVERS[name] as never }]),
    ]),
  );
  return startSubgraphServer({ routes, memo: false });
}
