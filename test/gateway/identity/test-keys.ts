// Key pairs, key set files and token builders for the identity tests.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { expect } from 'vitest';
import { IdentityError, type IdentityErrorCode } from '../../../gateway/identity/identity-error';

export interface TestKey {
  readonly alg: string;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function testKey(alg: string, kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export function keySetOf(...keys: TestKey[]): JSONWebKeySet {
  return { keys: keys.map((key) => key.publicJwk) };
}

export async function temporaryDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `accord-${prefix}-`));
}

export async function writeKeySetFile(dir: string, keySet: JSONWebKeySet): Promise<string> {
  const path = join(dir, 'jwks.json');
  await writeFile(path, JSON.stringify(keySet));
  return path;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Signs `claims` as given (no defaults added), with the key's alg and kid unless overridden. */
export function signClaims(key: TestKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, ...header }).sign(key.privateKey);
}

export function base64url(value: string | Uint8Array): string {
  return Buffer.from(value).toString('base64url');
}

/** Awaits a verification that must be refused with an IdentityError, and returns that error. */
export async function refusal(verification: Promise<unknown>, code: IdentityErrorCode): Promise<IdentityError> {
  const outcome = await verification.then(
    (value: unknown) => ({ refused: false, value }),
    (error: unknown) => ({ refused: true, error }),
  );
  expect(outcome.refused, 'verification should have been refused').toBe(true);
  const error = (outcome as { error: unknown }).error;
  expect(error).toBeInstanceOf(IdentityError);
  expect((error as IdentityError).code, (error as IdentityError).message).toBe(code);
  return error as IdentityError;
}
