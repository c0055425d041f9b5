// Subgraphs answer only requests that carry the gateway's token, so a script that asks running
// subgraphs for their SDL signs one with the gateway's key, for an anonymous caller (the SDL is
// the one field every caller may read).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createGatewayTokenSigner, GATEWAY_TOKEN_HEADER, REQUEST_ID_HEADER } from '../../gateway/identity/gateway-token';
import { readSigningKey } from '../../gateway/identity/key-files';

/** Where development keeps the gateway's private key (created by `npm start` or the gateway). */
export function developmentGatewayKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'gateway.private.jwk.json');
}

/** The header that lets a script through a subgraph's gateway-token check. */
export async function gatewayTokenHeaders(privateKeyFile: string): Promise<Record<string, string>> {
  const key = await readSigningKey(privateKeyFile);
  const signer = createGatewayTokenSigner({ privateKey: key.privateKey, keyId: key.keyId });
  return { [GATEWAY_TOKEN_HEADER]: signer.sign(null), [REQUEST_ID_HEADER]: `compose-${randomUUID()}` };
}
