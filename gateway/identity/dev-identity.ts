// The development token issuer: a local key pair whose tokens the gateway accepts in
// development, so that every persona can be tried without an identity provider.
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { ensureKeyPair, type KeyPairFiles } from './key-files';

export const DEV_ISSUER = 'accord-dev-issuer';
export const DEV_AUDIENCE = 'accord';

export interface DevIdentity extends KeyPairFiles {
  readonly issuer: string;
  readonly audience: string;
}

/** Creates `<dataDir>/keys/dev-issuer.private.jwk.json` and `dev-issuer.jwks.json` once, then reuses them. */
export async function ensureDevIdentity(dataDir: string): Promise<DevIdentity> {
  const keys = await ensureKeyPair(join(dataDir, 'keys'), 'dev-issuer');
  return { ...keys, issuer: DEV_ISSUER, audience: DEV_AUDIENCE };
}

/** Signs the given claims; `iss`, `aud`, `iat` and `exp` are added unless the claims set them. */
export async function signDevToken(
  identity: DevIdentity,
  claims: Readonly<Record<string, unknown>>,
  ttlSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: identity.issuer, aud: identity.audience, iat: now, exp: now + ttlSeconds, ...claims };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: identity.algorithm, kid: identity.keyId, typ: 'JWT' })
    .sign(identity.privateKey);
}
