// Where verification keys come from: a JWKS file (read once, at start), an http(s) URL
// (fetched on first use, cached and refreshed by jose, re-fetched at most every 30 s when a
// token names an unknown key), or a key set given directly.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { IdentityError } from './identity-error';

export type KeySetSource = string | JSONWebKeySet;

/** A key set that cannot be used at all: a configuration mistake, reported at start. */
export class KeySetError extends Error {
  readonly code: 'KEY_SET_UNREADABLE' | 'KEY_SET_INVALID';

  constructor(code: KeySetError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeySetError';
    this.code = code;
  }
}

// Members that only private or symmetric keys have: such a key in a published set is a leak,
// and a symmetric one would invite HMAC tokens signed with public material.
const SECRET_MEMBERS = ['d', 'k', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

function checkedKeySet(value: unknown, origin: string): JSONWebKeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'object' && key !== null)) {
    throw new KeySetError('KEY_SET_INVALID', `${origin} is not a JSON Web Key Set (an object with a "keys" array)`);
  }
  if (keys.some((key: Record<string, unknown>) => SECRET_MEMBERS.some((member) => member in key))) {
    throw new KeySetError('KEY_SET_INVALID', `${origin} must hold public keys only`);
  }
  return value as JSONWebKeySet;
}

function localKeySet(keySet: JSONWebKeySet, origin: string): JWTVerifyGetKey {
  try {
    return createLocalJWKSet(checkedKeySet(keySet, origin));
  } catch (error) {
    if (error instanceof KeySetError) throw error;
    throw new KeySetError('KEY_SET_INVALID', `${origin} is not a valid JSON Web Key Set`, { cause: error });
  }
}

function readKeySetFile(path: string): JSONWebKeySet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KeySetError('KEY_SET_UNREADABLE', `cannot read key set file ${path}`, { cause: error });
  }
  try {
    return JSON.parse(text) as JSONWebKeySet;
  } catch (error) {
    throw new KeySetError('KEY_SET_INVALID', `key set file ${path} is not valid JSON`, { cause: error });
  }
}

function remoteKeySet(url: URL): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(url);
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      // These concern the token; everything else (network, HTTP status, bad JSON) is the server's.
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      ) {
        throw error;
      }
      throw new IdentityError('KEY_SET_UNAVAILABLE', 'the signing key set is unavailable', { cause: error });
    }
  };
}

/** Builds the key resolver that jose's jwtVerify calls. Throws KeySetError for an unusable source. */
export function loadKeySet(source: KeySetSource): JWTVerifyGetKey {
  if (typeof source !== 'string') return localKeySet(source, 'the key set');
  if (/^https?:\/\//i.test(source)) {
    let url: URL;
    try {
      url = new URL(source);
    } catch (error) {
      throw new KeySetError('KEY_SET_INVALID', `key set URL ${source} is not a valid URL`, { cause: error });
    }
    return remoteKeySet(url);
  }
  return localKeySet(readKeySetFile(source), `key set file ${source}`);
}
