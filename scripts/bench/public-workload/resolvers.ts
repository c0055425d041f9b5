// Resolvers of the four benchmark subgraphs, mirroring the Rust originals, quirks included.
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/buildSubgraphSchema';
import { INVENTORY, PRODUCTS, REVIEWS, USERS } from './data';
import type { PublicWorkloadSubgraph } from './sdl';

type Resolvers = NonNullable<GraphQLSchemaModule['resolvers']>;

export const PUBLIC_WORKLOAD_RESOLVERS: Record<PublicWorkloadSubgraph, Resolvers> = {
  accounts: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => USERS.find((u) => u.id === id) ?? null,
      users: () => USERS,
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => USERS.find((u) => u.id === id),
    },
  },
  inventory: {
    Product: {
      // The Rust entity resolver looks a product up by upc alone, so price and weight are
      // unset there and shippingEstimate is always null; the benchmark's responses depend on it.
      __resolveReference: ({ upc }: { upc: string }) => {
        const row = INVENTORY.find((x) => x.upc === upc);
        return row ? { upc: row.upc, inStock: row.inStock, price: null, weight: null } : null;
      },
      shippingEstimate: (p: { price: number | null; weight: number | null }) => {
        if (p.price == null) return null;
        if (p.price > 1000) return 0;
        return p.weight == null ? null : Math.trunc(p.weight / 2);
      },
    },
  },
  products: {
    Query: {
      topProducts: (_: unknown, { first }: { first?: number | null }) => PRODUCTS.slice(0, first ?? 5),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => PRODUCTS.find((p) => p.upc === upc),
    },
  },
  reviews: {
    Review: {
      __resolveReference: ({ id }: { id: string }) => REVIEWS.find((r) => r.id === id),
      author: () => ({ id: '1', username: 'urigo', reviews: REVIEWS.slice(0, 2) }),
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id, username: 'user', reviews: REVIEWS.slice(0, 2) }),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: (p: { upc: string }) => REVIEWS.filter((r) => r.product.upc === p.upc),
    },
  },
};
