// The four subgraphs of the public federation gateway benchmark, in the Federation-1 style SDL
// that its Rust subgraphs emit (composition reads them as Federation 1).

export const PUBLIC_WORKLOAD_SDL = {
  accounts: `
    extend type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }
    type User @key(fields: "id") {
      id: ID!
      name: String
      username: String
      birthday: Int
    }`,
  inventory: `
    extend type Product @key(fields: "upc") {
      upc: String! @external
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  products: `
    extend type Query {
      topProducts(first: Int = 5): [Product]
    }
    type Product @key(fields: "upc") {
      upc: String!
      name: String
      price: Int
      weight: Int
    }`,
  reviews: `
    type Review @key(fields: "id") {
      id: ID!
      body: String
      product: Product
      author: User @provides(fields: "username")
    }
    extend type User @key(fields: "id") {
      id: ID! @external
      username: String @external
      reviews: [Review]
    }
    extend type Product @key(fields: "upc") {
      upc: String! @external
      reviews: [Review]
    }`,
} as const;

export type PublicWorkloadSubgraph = keyof typeof PUBLIC_WORKLOAD_SDL;

export const PUBLIC_WORKLOAD_SUBGRAPHS = Object.keys(PUBLIC_WORKLOAD_SDL) as PublicWorkloadSubgraph[];
