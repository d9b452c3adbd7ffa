import type { Middleware } from "openapi-fetch";

/**
 * Everything about one kind of credential, in one object: how a request is authenticated, which values
 * are secret (to be redacted from every error), and what a 401 can repair. Clients know nothing of vendor
 * headers; they hold an `AuthScheme`. `@fnapi/auth` makes them (`ncpSignatureV2Auth`, `huaweiAkSkAuth`,
 * `huaweiTokenAuth`); any openapi-fetch client can use one through `authMiddleware(scheme)`.
 */
export interface AuthScheme {
  /** A short name for logs and messages, e.g. `ncp-signature-v2`. Never a secret. */
  readonly name: string;
  /**
   * Authenticates one request in place (each attempt anew: a fresh signature, a current token). `signal`
   * bounds whatever it has to wait for (a token refresh): it aborts with the attempt's timeout or the
   * caller's signal.
   */
  authorize(request: Request, signal?: AbortSignal): Promise<void>;
  /**
   * The secret values the scheme holds, and those it put on `request` (a signature, a token), exactly as
   * they are: whatever shows them is redacted. Header names never need listing.
   */
  secrets(request?: Request): string[];
  /**
   * Called with a 401 answer to a request this scheme authorized: fix what can be fixed (adopt the server's
   * clock, forget the rejected token) and say whether one more attempt may now succeed.
   */
  onUnauthorized?(response: Response, request: Request): boolean;
}

/** openapi-fetch middleware that authenticates every request with `scheme`. Register it last. */
export function authMiddleware(scheme: AuthScheme): Middleware {
  return {
    async onRequest({ request }) {
      await scheme.authorize(request, request.signal);
      return request;
    },
  };
}
