// The contract between a credential and a client, in the manner of Smithy's `HttpSigner` (kept in a
// dependency-free package): anything that can authenticate a request implements it, and a client holds one.

/**
 * What a scheme reads and writes of a request. A Fetch `Request` is one; the clients pass a light copy of
 * theirs, made afresh for each attempt.
 */
export interface SignableRequest {
  /** The absolute URL, query included. */
  readonly url: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The headers; a scheme sets its own here. */
  readonly headers: Headers;
  /** `null` when the request has no body. */
  readonly body: unknown;
  /** A copy whose body can be read without consuming this one's. */
  clone(): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * Everything about one kind of credential, in one object: how a request is authenticated, which values
 * are secret (to be redacted from every error), and what a 401 can repair. Clients know nothing of vendor
 * headers; they hold an `AuthScheme` (`ncpSignatureV2Auth`, `huaweiAkSkAuth`, `huaweiTokenAuth`).
 */
export interface AuthScheme {
  /** A short name for logs and messages, e.g. `ncp-signature-v2`. Never a secret. */
  readonly name: string;
  /**
   * Authenticates one request in place (each attempt anew: a fresh signature, a current token). `signal`
   * bounds whatever it has to wait for (a token refresh): it aborts with the attempt's timeout or the
   * caller's signal.
   */
  authorize(request: SignableRequest, signal?: AbortSignal): Promise<void>;
  /**
   * The secret values the scheme holds, and those it put on `request` (a signature, a token), exactly as
   * they are: whatever shows them is redacted. Header names never need listing.
   */
  secrets(request?: SignableRequest): string[];
  /**
   * Called with a 401 answer to a request this scheme authorized: fix what can be fixed (adopt the server's
   * clock, forget the rejected token) and say whether one more attempt may now succeed.
   */
  onUnauthorized?(response: Response, request: SignableRequest): boolean;
}
