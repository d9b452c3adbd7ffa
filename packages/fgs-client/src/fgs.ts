import type { AuthScheme, Clock, SigningCrypto } from "@fnapi/auth";
import { type CallLogger, createClientCore, type RetryOptions, ValidationError } from "@fnapi/runtime";
import {
  type ClientHandle,
  checkOptions,
  parseBaseUrl,
  resolveRetryOptions,
  withCore,
} from "@fnapi/runtime/internal";
import { fgsErrorMapping } from "./errors.js";
import { checkUrnField } from "./urn.js";

// A FunctionGraph client's settings, without any operation: what every operation (`deleteFunction(fgs, urn)`)
// takes. The auth scheme is given explicitly (`fgsToken`, `fgsAkSk`), so a program bundles the one it uses.

/** The options of `createFgsClient` besides credentials. */
export interface FgsClientCommonOptions extends RetryOptions {
  /**
   * The project id of the path (32 letters or digits). On Node, Deno and Bun it may also come from
   * `HUAWEICLOUD_SDK_PROJECT_ID` or `project_id` in `~/.huaweicloud/credentials` (`createFgsClient`).
   */
  projectId?: string;
  /** Default `cn-north-4`; gives `https://functiongraph.<region>.myhuaweicloud.com`. */
  region?: string;
  /** Overrides the host built from `region` (other Huawei-based clouds, proxies, mocks). */
  baseUrl?: string;
  /** The `fetch` to send with. Default: the global one. */
  fetch?: typeof fetch;
  /** Time source for signing. Default `Date.now`; corrected automatically when the gateway shows skew. */
  clock?: Clock;
  /** HMAC and SHA-256 implementation for AK/SK signing. Default: node:crypto on Node, Deno and Bun; Web Crypto elsewhere. */
  crypto?: SigningCrypto;
  /** Called once per attempt with method, URL, status, attempt, duration, vendor code and request id. */
  logger?: CallLogger;
}

/** What an auth scheme of FunctionGraph is made from: the client's project, clock and crypto. */
export interface FgsAuthSettings {
  /** The client's project (AK/SK signs it as `X-Project-Id`). */
  projectId: string;
  /** The client's time source, when one was given. */
  clock?: Clock | undefined;
  /** The build's crypto (node:crypto or Web Crypto), or the one given. */
  crypto: SigningCrypto;
}

/** An auth scheme for a FunctionGraph client: `fgsToken(token)`, `fgsTokenProvider(provider)` or `fgsAkSk(keys)`. */
export type FgsAuth = (settings: FgsAuthSettings) => AuthScheme;

/** Options of `createFgs`: the common options, a project and the auth scheme. */
export interface FgsOptions extends FgsClientCommonOptions {
  /** `fgsToken(token)`, `fgsTokenProvider(provider)` or `fgsAkSk({ accessKey, secretKey })`. */
  auth: FgsAuth;
}

/** A FunctionGraph client without methods: give it to the standalone operations. */
export interface Fgs extends ClientHandle {
  /** The project of every path. */
  readonly projectId: string;
  /** The region a URN must name (unless the host was given). */
  readonly region: string;
  /** Whether the host was given (then a URN's region is not checked against it). */
  readonly customHost: boolean;
}

// Huawei's clients send the URN with its colons raw; encodeURIComponent would send %3A. Everything else is
// still percent-encoded, so no value can change the path.
const encodeKeepingColons = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ":");

/** A FunctionGraph client's settings; `crypto` is the build's (node:crypto or Web Crypto). */
export function createFgsWith(crypto: SigningCrypto, given: FgsOptions, call = "createFgs"): Fgs {
  const options = checkOptions(given, call, {
    auth: "function",
    baseUrl: "string",
    fetch: "function",
    clock: "function",
    crypto: "object",
    logger: "function",
  }) as Partial<FgsOptions>;
  if (typeof options.auth !== "function") {
    throw new ValidationError(
      "auth",
      "is missing",
      "give auth: fgsToken(token), fgsTokenProvider(provider) or fgsAkSk({ accessKey, secretKey })",
    );
  }
  const projectId = checkUrnField("projectId", options.projectId);
  const region = checkUrnField("region", options.region ?? "cn-north-4");
  const core = createClientCore({
    baseUrl: parseBaseUrl(options.baseUrl ?? `https://functiongraph.${region}.myhuaweicloud.com`),
    auth: options.auth({ projectId, clock: options.clock, crypto: options.crypto ?? crypto }),
    errors: fgsErrorMapping,
    retry: resolveRetryOptions(options),
    fetch: options.fetch,
    headers: { "Content-Type": "application/json" },
    encodePath: encodeKeepingColons,
    logger: options.logger,
  });
  return withCore({ projectId, region, customHost: options.baseUrl !== undefined }, core);
}
