// The gateway's own signing key for its tokens to the subgraphs. In development it lives in the
// data folder; production passes key files explicitly (readSigningKey and a JWKS path or URL).
import { join } from 'node:path';
import { ensureKeyPair, type KeyPairFiles } from './key-files';

/** Creates `<dataDir>/keys/gateway.private.jwk.json` and `gateway.jwks.json` once, then reuses them. */
export function ensureGatewayKeys(dataDir: string): Promise<KeyPairFiles> {
  return ensureKeyPair(join(dataDir, 'keys'), 'gateway');
}
