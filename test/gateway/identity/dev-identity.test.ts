import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callerFromClaims, CLEARANCES } from '../../../gateway/identity/caller';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIdentity, signDevToken } from '../../../gateway/identity/dev-identity';
import { PERSONAS } from '../../../gateway/identity/personas';
import { createTokenVerifier } from '../../../gateway/identity/token-verifier';
import { temporaryDir } from './test-keys';

const SCHEMA_SCOPES = [
  'treasury:read',
  'treasury:write',
  'defense:read',
  'defense:write',
  'defense:classified',
  'cyber:read',
  'cyber:write',
  'partner:read',
  'audit:read',
];

const dirs: string[] = [];

async function dataDir(): Promise<string> {
  const dir = await temporaryDir('dev-identity');
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('ensureDevIdentity', () => {
  it('creates a private key readable by its owner only, and a key set that publishes it', async () => {
    const identity = await ensureDevIdentity(await dataDir());
    expect(identity).toMatchObject({ issuer: 'accord-dev-issuer', audience: 'accord', algorithm: 'ES256' });
    expect(identity.privateKeyPath).toMatch(/keys\/dev-issuer\.private\.jwk\.json$/);
    expect((await stat(identity.privateKeyPath)).mode & 0o777).toBe(0o600);
    const keySet = JSON.parse(await readFile(identity.jwksPath, 'utf8')) as { keys: Record<string, unknown>[] };
    expect(keySet.keys).toHaveLength(1);
    expect(keySet.keys[0]).toMatchObject({ kid: identity.keyId, alg: 'ES256', use: 'sig', kty: 'EC' });
    expect(keySet.keys[0]).not.toHaveProperty('d');
  });

  it('reuses the existing files on later calls', async () => {
    const dir = await dataDir();
    const first = await ensureDevIdentity(dir);
    const files = await Promise.all([readFile(first.privateKeyPath, 'utf8'), readFile(first.jwksPath, 'utf8')]);
    const second = await ensureDevIdentity(dir);
    expect(second.keyId).toBe(first.keyId);
    expect(await Promise.all([readFile(second.privateKeyPath, 'utf8'), readFile(second.jwksPath, 'utf8')])).toEqual(files);
  });

  it('creates one key when several processes start at once, and leaves no temporary files', async () => {
    const dir = await dataDir();
    const identities = await Promise.all(Array.from({ length: 8 }, () => ensureDevIdentity(dir)));
    expect(new Set(identities.map((identity) => identity.keyId)).size).toBe(1);
    expect((await readdir(join(dir, 'keys'))).sort()).toEqual(['dev-issuer.jwks.json', 'dev-issuer.private.jwk.json']);
  });

  it('publishes the key again when the key set file no longer holds it', async () => {
    const dir = await dataDir();
    const first = await ensureDevIdentity(dir);
    await writeFile(first.jwksPath, JSON.stringify({ keys: [] }));
    const second = await ensureDevIdentity(dir);
    expect(second.keyId).toBe(first.keyId);
    const keySet = JSON.parse(await readFile(first.jwksPath, 'utf8')) as { keys: { kid: string }[] };
    expect(keySet.keys.map((key) => key.kid)).toEqual([first.keyId]);
  });

  it('refuses a private key file that is not a key', async () => {
    const dir = await dataDir();
    const first = await ensureDevIdentity(dir);
    await writeFile(first.privateKeyPath, '{"kty":"EC"}');
    await expect(ensureDevIdentity(dir)).rejects.toMatchObject({ name: 'KeyFileError', code: 'KEY_FILE_INVALID' });
  });
});

describe('personas', () => {
  it('sign into tokens that the gateway verifier accepts, with the persona\'s claims', async () => {
    const identity = await ensureDevIdentity(await dataDir());
    const verifier = createTokenVerifier({ jwks: identity.jwksPath, issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    for (const [name, persona] of Object.entries(PERSONAS)) {
      const caller = await verifier.verify(`Bearer ${await signDevToken(identity, persona.claims, 60)}`);
      expect(caller, name).toMatchObject({
        subject: persona.claims.sub,
        agency: persona.claims.agency ?? null,
        clearance: persona.claims.clearance,
        org: persona.claims.org ?? null,
        sector: persona.claims.sector ?? null,
      });
      expect([...caller!.scopes].join(' '), name).toBe(persona.claims.scope);
    }
  });

  it('use only the scopes of the schema, and well-formed clearances and sectors', () => {
    for (const [name, persona] of Object.entries(PERSONAS)) {
      const caller = callerFromClaims({ ...persona.claims });
      for (const scope of caller.scopes) expect(SCHEMA_SCOPES, `${name}: ${scope}`).toContain(scope);
      expect(CLEARANCES).toContain(caller.clearance);
      if (caller.sector !== null) expect(caller.sector).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    }
  });

  it('cover the roles the domain describes', () => {
    const scopesOf = (name: string) => callerFromClaims({ ...PERSONAS[name]!.claims }).scopes;
    expect(PERSONAS['treasury-analyst']!.claims.agency).toBe('treasury');
    expect(PERSONAS['defense-analyst']!.claims).toMatchObject({ agency: 'defense', clearance: 'secret' });
    expect(scopesOf('defense-analyst').has('defense:classified')).toBe(true);
    expect(PERSONAS['cyber-analyst']!.claims.agency).toBe('cyber');
    expect(PERSONAS['energy-partner']!.claims).toMatchObject({ agency: 'partner', sector: 'ENERGY' });
    expect(PERSONAS['energy-partner']!.claims.org).toBeTruthy();
    const auditor = scopesOf('auditor');
    expect(auditor.has('audit:read')).toBe(true);
    expect([...auditor].filter((scope) => !scope.endsWith(':read'))).toEqual([]);
  });

  it('signDevToken lets the claims override iss, aud, iat and exp', async () => {
    const identity = await ensureDevIdentity(await dataDir());
    const token = await signDevToken(identity, { sub: 'x', iss: 'other', exp: 5 }, 60);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ sub: 'x', iss: 'other', aud: 'accord', exp: 5 });
  });
});
