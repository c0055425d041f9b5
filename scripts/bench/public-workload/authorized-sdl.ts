// The benchmark subgraphs' SDL rewritten for Federation 2.5 with authorization rules that every
// benchmark token satisfies: the root fields need an authenticated caller, and a few fields need
// the `bench:read` scope. Served by Accord, it makes every request go through the authorization
// analysis and filter; the stock gateway cannot load it and gets the plain supergraph instead.
// Same types, fields, keys, @requires and @provides as sdl.ts (plus the @shareable Federation 2
// asks of a provided field), so the query plans are the same.
import type { PublicWorkloadSubgraph } from './sdl';

/** The scope each benchmark token carries. */
export const BENCH_SCOPE = 'bench:read';

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5",
  import: ["@key", "@external", "@requires", "@provides", "@shareable", "@authenticated", "@requiresScopes"])`;

export const AUTHORIZED_PUBLIC_WORKLOAD_SDL: Readonly<Record<PublicWorkloadSubgraph, string>> = {
  accounts: `${LINK}
    type Query @authenticated {
      me: User
      user(id: ID!): User
      users: [User]
    }
    type User @key(fields: "id") {
      id: ID!
      name: String @requiresScopes(scopes: [["${BENCH_SCOPE}"]])
      username: String @shareable
      birthday: Int
    }`,
  inventory: `${LINK}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  products: `${LINK}
    type Query @authenticated {
      topProducts(first: Int = 5): [Product]
    }
    type Product @key(fields: "upc") {
      upc: String!
      name: String @requiresScopes(scopes: [["${BENCH_SCOPE}"]])
      price: Int
      weight: Int
    }`,
  reviews: `${LINK}
    type Review @key(fields: "id") {
      id: ID!
      body: String @requiresScopes(scopes: [["${BENCH_SCOPE}"]])
      product: Product
      author: User @provides(fields: "username")
    }
    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }
    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }`,
};
