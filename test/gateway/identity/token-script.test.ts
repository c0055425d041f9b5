import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../../gateway/identity/dev-identity';
import { PERSONAS } from '../../../gateway/identity/personas';
import { createTokenVerifier } from '../../../gateway/identity/token-verifier';
import { temporaryDir } from './test-keys';
import { tsxCommand } from '../../support/processes';

const REPO = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(REPO, 'scripts/token.ts');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let dataDir: string;

// Runs the script as `npm run token` does, from another directory to prove it does not rely on the cwd.
function runTokenScript(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(...tsxCommand(SCRIPT, args), { cwd: dataDir, env: { ...process.env, ACCORD_DATA_DIR: dataDir } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1)!;
}

beforeAll(async () => {
  dataDir = await temporaryDir('token-script');
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run token', () => {
  it('prints a persona token on the last line that verifies against the dev key set', async () => {
    const run = await runTokenScript('energy-partner');
    expect(run.code, run.stderr).toBe(0);
    const verifier = createTokenVerifier({
      jwks: join(dataDir, 'keys/dev-issuer.jwks.json'),
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
    });
    const caller = await verifier.verify(`Bearer ${lastLine(run.stdout)}`);
    expect(caller).toMatchObject({ subject: 'dev:energy-partner', agency: 'partner', sector: 'ENERGY' });
    const claims = decodeJwt(lastLine(run.stdout));
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('signs exactly the claims given, adding only iss, aud, iat and exp', async () => {
    const run = await runTokenScript('--claims', '{"sub":"probe","scope":["cyber:read"],"iss":"custom-issuer"}', '--ttl', '10m');
    expect(run.code, run.stderr).toBe(0);
    const claims = decodeJwt(lastLine(run.stdout));
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'scope', 'sub']);
    expect(claims).toMatchObject({ sub: 'probe', scope: ['cyber:read'], iss: 'custom-issuer', aud: 'accord' });
    expect(claims.exp! - claims.iat!).toBe(600);
  });

  it('signs malformed claims on request, with a warning', async () => {
    const run = await runTokenScript('--claims', '{"scope":"cyber:read"}');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('claim "sub" is required');
    expect(decodeJwt(lastLine(run.stdout))).not.toHaveProperty('sub');
  });

  it('lists the personas and exits with code 2 for an unknown persona', async () => {
    const run = await runTokenScript('root');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown persona "root"');
    for (const name of Object.keys(PERSONAS)) expect(run.stderr).toContain(name);
  });

  it.each([
    ['invalid JSON', ['--claims', '{"sub": '], '--claims is not valid JSON'],
    ['JSON that is not an object', ['--claims', '["sub"]'], '--claims must be a JSON object'],
    ['a malformed lifetime', ['auditor', '--ttl', 'soon'], '--ttl must be a positive lifetime'],
    ['a persona and claims together', ['auditor', '--claims', '{}'], 'not both'],
    ['an unknown option', ['auditor', '--forever'], "Unknown option '--forever'"],
  ])('explains %s and exits with code 2', async (_label, args, message) => {
    const run = await runTokenScript(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
