// Signing keys on disk: a private JWK (mode 0600) and the JWKS that publishes its public half.
// Creation is safe when several processes start at once: the private key file is published
// with link(2), which fails if another process won the race, and then everyone reads the winner.
import { createPrivateKey, createPublicKey, randomUUID, type JsonWebKey } from 'node:crypto';
import { access, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { ASYMMETRIC_ALGORITHMS } from './token-verifier';

/** The algorithm of the keys we create: fast to sign and verify, supported everywhere. */
const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  readonly privateKey: CryptoKey;
  /** `kid` header of the tokens signed with it: the JWK thumbprint (RFC 7638) of the key. */
  readonly keyId: string;
  /** JWS `alg` the key is for. */
  readonly algorithm: string;
}

export interface KeyPairFiles extends SigningKey {
  readonly privateKeyPath: string;
  readonly jwksPath: string;
}

export class KeyFileError extends Error {
  readonly code: 'KEY_FILE_UNREADABLE' | 'KEY_FILE_INVALID';

  constructor(code: KeyFileError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyFileError';
    this.code = code;
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function writeNewPrivateKeyFile(path: string): Promise<void> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const content = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALGORITHM, use: 'sig' };
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

async function readPrivateJwk(path: string): Promise<JWK> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new KeyFileError('KEY_FILE_UNREADABLE', `cannot read private key file ${path}`, { cause: error });
  }
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch (error) {
    throw new KeyFileError('KEY_FILE_INVALID', `private key file ${path} is not valid JSON`, { cause: error });
  }
  if (typeof jwk !== 'object' || jwk === null || typeof jwk.d !== 'string' || jwk.kty === 'oct') {
    throw new KeyFileError('KEY_FILE_INVALID', `${path} must hold an asymmetric private JWK`);
  }
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) {
    throw new KeyFileError('KEY_FILE_INVALID', `private key ${path} needs a "kid"`);
  }
  if (typeof jwk.alg !== 'string' || !ASYMMETRIC_ALGORITHMS.includes(jwk.alg)) {
    throw new KeyFileError('KEY_FILE_INVALID', `private key ${path} needs an "alg" among ${ASYMMETRIC_ALGORITHMS.join(', ')}`);
  }
  return jwk;
}

async function signingKeyOf(jwk: JWK, path: string): Promise<SigningKey> {
  try {
    const privateKey = (await importJWK(jwk, jwk.alg)) as CryptoKey;
    return { privateKey, keyId: jwk.kid!, algorithm: jwk.alg! };
  } catch (error) {
    throw new KeyFileError('KEY_FILE_INVALID', `private key ${path} cannot be imported for ${jwk.alg}`, { cause: error });
  }
}

/** Reads a signing key from a private JWK file (with `kid` and `alg`), as production passes it. */
export async function readSigningKey(privateKeyPath: string): Promise<SigningKey> {
  return signingKeyOf(await readPrivateJwk(privateKeyPath), privateKeyPath);
}

function publicJwkOf(jwk: JWK): JWK {
  const publicJwk = createPublicKey(createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' })).export({ format: 'jwk' });
  return { ...publicJwk, kid: jwk.kid, alg: jwk.alg, use: 'sig' } as JWK;
}

async function keySetHolds(path: string, keyId: string): Promise<boolean> {
  try {
    const keySet = JSON.parse(await readFile(path, 'utf8')) as { keys?: unknown };
    return Array.isArray(keySet.keys) && keySet.keys.some((key: { kid?: unknown }) => key?.kid === keyId);
  } catch {
    return false;
  }
}

// A key set that already publishes the key is kept as is: it may list older keys on purpose.
async function ensureKeySetFile(path: string, publicJwk: JWK): Promise<void> {
  if (await keySetHolds(path, publicJwk.kid!)) return;
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ keys: [publicJwk] }, null, 2)}\n`, { mode: 0o644 });
  await rename(temporary, path);
}

/**
 * Creates `<dir>/<name>.private.jwk.json` and `<dir>/<name>.jwks.json` on first call and reuses
 * them afterwards (the key set is rewritten only if it does not publish the private key's `kid`).
 */
export async function ensureKeyPair(dir: string, name: string): Promise<KeyPairFiles> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privateKeyPath = join(dir, `${name}.private.jwk.json`);
  const jwksPath = join(dir, `${name}.jwks.json`);
  if (!(await fileExists(privateKeyPath))) await writeNewPrivateKeyFile(privateKeyPath);
  const jwk = await readPrivateJwk(privateKeyPath);
  const signingKey = await signingKeyOf(jwk, privateKeyPath);
  await ensureKeySetFile(jwksPath, publicJwkOf(jwk));
  return { ...signingKey, privateKeyPath, jwksPath };
}
