// Every kind of bad client token, sent over HTTP to a running gateway: each is refused with 401,
// its own code and an RFC 6750 challenge, never a crash, never a subgraph call, and the audit
// trail holds one refusal record for each.
import { readFile } from 'node:fs/promises';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuditRecord, type AuditRecord } from '../../../gateway/audit';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIdentity, type DevIdentity } from '../../../gateway/identity/dev-identity';
import type { IdentityErrorCode } from '../../../gateway/identity/identity-error';
import { postGraphQL, startSystem, type RunningSystem } from '../../support/start-system';

const QUERY = '{ sectors { code } }';

interface BadAuthorization {
  readonly kind: string;
  /** The Authorization header to send. */
  readonly header: (tokens: TokenFactory) => Promise<string>;
  readonly code: IdentityErrorCode;
  /** RFC 6750 error of the challenge; null: a bare `Bearer realm="accord"`. */
  readonly bearerError: 'invalid_token' | 'invalid_request' | null;
}

interface TokenFactory {
  /** Signed with the issuer's real key, with exactly these claims. */
  signed(claims: Record<string, unknown>): Promise<string>;
  identity: DevIdentity;
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function validClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { sub: 'test:bad-token-caller', agency: 'cyber', scope: 'cyber:read', iss: DEV_ISSUER, aud: DEV_AUDIENCE, iat: now(), exp: now() + 600, ...overrides };
}

const BAD: readonly BadAuthorization[] = [
  {
    kind: 'an unsigned token (alg none)',
    header: async () => `Bearer ${new UnsecuredJWT(validClaims()).encode()}`,
    code: 'UNSUPPORTED_ALGORITHM',
    bearerError: 'invalid_token',
  },
  {
    kind: "a token signed with HMAC, the issuer's public key as the secret",
    header: async ({ identity }) => {
      const publicJwks = await readFile(identity.jwksPath);
      const token = await new SignJWT(validClaims()).setProtectedHeader({ alg: 'HS256', kid: identity.keyId }).sign(new Uint8Array(publicJwks));
      return `Bearer ${token}`;
    },
    code: 'UNSUPPORTED_ALGORITHM',
    bearerError: 'invalid_token',
  },
  {
    kind: 'a token whose key id the key set does not know',
    header: async () => {
      const { privateKey } = await generateKeyPair('ES256');
      return `Bearer ${await new SignJWT(validClaims()).setProtectedHeader({ alg: 'ES256', kid: 'not-a-known-key' }).sign(privateKey)}`;
    },
    code: 'UNKNOWN_SIGNING_KEY',
    bearerError: 'invalid_token',
  },
  {
    kind: "a token signed by another key under the issuer's key id",
    header: async ({ identity }) => {
      const { privateKey } = await generateKeyPair('ES256');
      return `Bearer ${await new SignJWT(validClaims()).setProtectedHeader({ alg: 'ES256', kid: identity.keyId }).sign(privateKey)}`;
    },
    code: 'INVALID_SIGNATURE',
    bearerError: 'invalid_token',
  },
  {
    kind: 'an expired token',
    header: async ({ signed }) => `Bearer ${await signed(validClaims({ iat: now() - 7200, exp: now() - 3600 }))}`,
    code: 'TOKEN_EXPIRED',
    bearerError: 'invalid_token',
  },
  {
    kind: 'a token not valid yet',
    header: async ({ signed }) => `Bearer ${await signed(validClaims({ nbf: now() + 3600 }))}`,
    code: 'TOKEN_NOT_YET_VALID',
    bearerError: 'invalid_token',
  },
  {
    kind: 'a token from another issuer',
    header: async ({ signed }) => `Bearer ${await signed(validClaims({ iss: 'https://issuer.invalid' }))}`,
    code: 'INVALID_ISSUER',
    bearerError: 'invalid_token',
  },
  {
    kind: 'a token for another audience',
    header: async ({ signed }) => `Bearer ${await signed(validClaims({ aud: 'another-service' }))}`,
    code: 'INVALID_AUDIENCE',
    bearerError: 'invalid_token',
  },
  {
    kind: 'a token without an expiry',
    header: async ({ signed }) => {
      const { exp: _exp, ...claims } = validClaims();
      return `Bearer ${await signed(claims)}`;
    },
    code: 'INVALID_CLAIMS',
    bearerError: 'invalid_token',
  },
  {
    kind: 'a token with a clearance that does not exist',
    header: async ({ signed }) => `Bearer ${await signed(validClaims({ clearance: 'cosmic' }))}`,
    code: 'INVALID_CLAIMS',
    bearerError: 'invalid_token',
  },
  {
    kind: 'garbage instead of a token',
    header: async () => 'Bearer not-a-jwt',
    code: 'INVALID_TOKEN',
    bearerError: 'invalid_token',
  },
  {
    kind: 'another authorization scheme',
    header: async () => `Basic ${Buffer.from('analyst:secret').toString('base64')}`,
    code: 'UNSUPPORTED_AUTHORIZATION_SCHEME',
    bearerError: null,
  },
  {
    kind: 'a Bearer header without a token',
    header: async () => 'Bearer',
    code: 'MALFORMED_AUTHORIZATION',
    bearerError: 'invalid_request',
  },
  {
    kind: 'an empty Authorization header',
    header: async () => '',
    code: 'MALFORMED_AUTHORIZATION',
    bearerError: 'invalid_request',
  },
];

async function auditRecords(system: RunningSystem): Promise<AuditRecord[]> {
  const text = await readFile(system.gatewayConfig.audit.file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as unknown)
    .filter(isAuditRecord);
}

describe('bad client tokens at the gateway', () => {
  let system: RunningSystem;
  let tokens: TokenFactory;

  beforeAll(async () => {
    // Refusals happen before any data is read: no seed needed.
    system = await startSystem({ seed: false });
    const identity = await ensureDevIdentity(system.dataDir);
    tokens = {
      identity,
      signed: (claims) => new SignJWT(claims).setProtectedHeader({ alg: identity.algorithm, kid: identity.keyId }).sign(identity.privateKey),
    };
  });

  afterAll(async () => {
    await system?.close();
  });

  BAD.forEach((bad, index) => {
    it(`refuses ${bad.kind}: 401 ${bad.code}, a Bearer challenge, an audit record, no subgraph asked`, async () => {
      const requestId = `bad-token-${String(index).padStart(2, '0')}`;
      const statementsBefore = system.statements('cyber');
      const response = await postGraphQL(system.gateway.url, { query: QUERY }, { authorization: await bad.header(tokens), 'x-request-id': requestId });

      expect(response.status).toBe(401);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors?.[0]?.extensions?.code).toBe(bad.code);
      const challenge = response.headers.get('www-authenticate');
      if (bad.bearerError === null) expect(challenge).toBe('Bearer realm="accord"');
      else expect(challenge).toMatch(new RegExp(`^Bearer realm="accord", error="${bad.bearerError}", error_description="[^"\\\\]+"$`));
      expect(system.statements('cyber')).toBe(statementsBefore);

      const records = (await auditRecords(system)).filter((record) => record.requestId === requestId);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ subject: null, agency: null, outcome: 'refused', status: 401, errorCodes: [bad.code], returned: [], denied: [] });
    });
  });

  it('keeps serving after all of them: a good token is answered as usual', async () => {
    const health = await fetch(system.gateway.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    const { status, body } = await system.query('{ __typename }', { token: await system.token('cyber-analyst') });
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: { __typename: 'Query' } });
  });
});
