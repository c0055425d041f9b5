// Subgraphs answer the gateway only: every request must carry the gateway's own short-lived
// token, which also says who the caller is. Direct access is a local-development switch.
import { createGatewayTokenVerifier, GATEWAY_TOKEN_HEADER, REQUEST_ID_HEADER } from '../../../gateway/identity/gateway-token';
import { IdentityError } from '../../../gateway/identity/identity-error';
import { newRequestId, RequestRefusal, type Authenticate } from '../server/start-subgraph';

export interface GatewayAuthenticationOptions {
  readonly gatewayJwks: string;
  readonly allowDirectAccess: boolean;
}

export function gatewayAuthentication(options: GatewayAuthenticationOptions): Authenticate {
  const verifier = createGatewayTokenVerifier({ jwks: options.gatewayJwks });
  return async (headers) => {
    const raw = headers[GATEWAY_TOKEN_HEADER];
    const token = Array.isArray(raw) ? raw[0] : raw;
    if (!token && options.allowDirectAccess) return { caller: null, requestId: newRequestId() };
    try {
      const identity = await verifier.verify(token, headers[REQUEST_ID_HEADER]);
      return { ...identity, onBehalf: { [GATEWAY_TOKEN_HEADER]: token!, [REQUEST_ID_HEADER]: identity.requestId } };
    } catch (error) {
      if (error instanceof IdentityError) throw new RequestRefusal(error.status, error.code, error.message);
      throw error;
    }
  };
}
