// The fixed data behind each pipeline case's schema: the values the reference's mock subgraphs
// answered (Ada, "1234", "Couch", ...), so that the expected responses read the same.
import type { FixedData } from './fixed-data-subgraph';

const ADA = { __typename: 'User', id: '0', name: 'Ada', phone: '1234' };
const CURRENT_USER = { __typename: 'User', id: '1', name: 'A', phone: '1234' };
const ORGA = { __typename: 'Organization', id: '1', name: 'Orga', nonNullId: '1', creatorUser: ADA, suborga: [] };

/** Organizations and users (the Router's authorization unit tests). */
const ORGANIZATIONS: FixedData = {
  root: {
    orga: ({ id }) => (id === '1' ? ORGA : null),
    currentUser: () => CURRENT_USER,
  },
  entities: { User: { '0': ADA, '1': CURRENT_USER }, Organization: { '1': ORGA } },
};

const POLICY_FIXTURE: FixedData = {
  root: {
    private: () => ({ __typename: 'Private', id: '123' }),
    public: () => ({ __typename: 'Public', id: '456' }),
    secure: () => ({ __typename: 'Private', id: '123' }),
  },
  entities: {},
};

const JOHN = { __typename: 'User', id: 'u1', username: 'john.doe', email: 'john@doe.com', credit_card: '4242 4242 4242 4242', posts: [] };
const JANE = { __typename: 'User', id: 'u2', username: 'jane.doe', email: 'jane@doe.com', credit_card: null, posts: [] };
const POST = { __typename: 'Post', id: '1234', author: JOHN, title: 'Securing supergraphs', content: 'How to', views: 42 };
const COUCH = { __typename: 'Product', id: '1', name: 'Couch', price: 1200, inStock: true };

function privateBlog(id: string, author: object, title: string) {
  return { __typename: 'PrivateBlog', id, author, title, content: '...', publishAt: null, allowedViewers: [JOHN, JANE] };
}

/** By the name of the case's supergraph, or by the case's id when it gives subgraphs. */
export const CASE_DATA: Readonly<Record<string, FixedData>> = {
  'router-authenticated-e2e-partial': ORGANIZATIONS,
  'router-e2e-authenticated_directive': ORGANIZATIONS,
  'router-e2e-scopes_directive': ORGANIZATIONS,
  'router-e2e-cache_key_metadata_mixed': ORGANIZATIONS,
  'router-authenticated-root_type_with_named_fragment': { root: { t: () => ({ f: 'f' }) }, entities: {} },
  'router-integration-policy_coprocessor_grant_deny': POLICY_FIXTURE,
  'router-integration-policy_interfaces': POLICY_FIXTURE,
  'doc-authenticated-me-views': { root: { me: () => JOHN, post: () => POST }, entities: {} },
  'doc-policy-coprocessor': { root: { me: () => JOHN, post: () => POST }, entities: {} },
  'doc-key-fields': { root: { product: () => COUCH }, entities: { Product: { '1': COUCH } } },
  'hive-generic-auth-interface-divergence': {
    root: { posts: () => [privateBlog('1', JOHN, 'Securing supergraphs'), privateBlog('2', JANE, 'Running supergraphs')] },
    entities: {},
  },
};
