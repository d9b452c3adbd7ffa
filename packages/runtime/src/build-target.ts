import type { SigningCrypto } from "@fnapi/auth";

/**
 * What differs between a client's server build (Node, Deno, Bun) and its web build (browsers, workers): the
 * crypto to sign with, and the vendor's credential chain (absent in the web build, where credentials are never
 * looked up). One idea for every client; `Found` is what its chain finds. (Called a build target, not a
 * platform: in NCF "platform" is the API's `vpc`/`classic`.)
 */
export interface BuildTarget<Found> {
  /** HMAC and SHA-256 implementation: node:crypto on servers, Web Crypto elsewhere. */
  crypto: SigningCrypto;
  /** The vendor's credential chain, in the server build only. */
  findCredentials?: (() => Found) | undefined;
}
