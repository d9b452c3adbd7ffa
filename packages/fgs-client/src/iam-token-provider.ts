import type { HuaweiTokenProvider } from "@fnapi/auth";
import {
  ApiError,
  type AuthScheme,
  buildRequest,
  createClientCore,
  type ErrorMapping,
  type RetryOptions,
  send,
  ValidationError,
} from "@fnapi/runtime";
import {
  assertOptionsObject,
  checkOptions,
  parseBaseUrl,
  resolveRetryOptions,
} from "@fnapi/runtime/internal";
import type { components, paths } from "./generated/iam.js";

// A token provider for Huawei IAM's password method (`POST /v3/auth/tokens`, specs/iam.yaml). Plugged into
// `createFgsClient({ token })`, the client's token source caches each 24-hour token, refreshes it 5 minutes
// before it expires and after a 401, and lets concurrent callers share one request. The password lives in
// this closure only: it is redacted from every error (IAM or a proxy may echo the request body).

/** Options of `createIamTokenProvider`. */
export interface IamTokenProviderOptions extends RetryOptions {
  /** The account (domain) name the IAM user belongs to (console: My Credentials). */
  domainName: string;
  /** The IAM user's name. HUAWEI IDs cannot get tokens: an IAM user is needed. */
  userName: string;
  /** The IAM user's password. A secret. */
  password: string;
  /** The project the token is scoped to, by id (32 letters or digits)… */
  projectId?: string;
  /** …or by name (a region's default project is named after the region, e.g. `cn-north-4`). */
  projectName?: string;
  /** IAM's endpoint. Default `https://iam.myhuaweicloud.com`; regional: `https://iam.<region>.myhuaweicloud.com`. */
  endpoint?: string;
  /** The `fetch` to send with. Default: the global one. */
  fetch?: typeof fetch;
}

/** An error answered by IAM (or the gateway in front of it). */
export class IamApiError extends ApiError {
  /** Always `IamApiError`. */
  override name = "IamApiError";
}

const iamErrorMapping: ErrorMapping = {
  ErrorClass: IamApiError,
  fields(response, body) {
    const parsed = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const keystone =
      typeof parsed.error === "object" && parsed.error !== null
        ? (parsed.error as Record<string, unknown>)
        : {};
    const text = (value: unknown) =>
      typeof value === "string"
        ? value
        : typeof value === "number" && Number.isFinite(value)
          ? String(value)
          : undefined;
    return {
      code: text(parsed.error_code) ?? text(keystone.code),
      message: text(parsed.error_msg) ?? text(keystone.message) ?? text(keystone.title),
      requestId: text(parsed.request_id) ?? response.headers.get("x-request-id") ?? undefined,
    };
  },
  requestId: (headers) => headers.get("x-request-id") ?? undefined,
};

/**
 * What the provider reads from IAM's 201 (`CreateUserTokenResponse` of specs/iam.yaml): the token in the
 * `X-Subject-Token` header, and `token.expires_at`, a string.
 */
export function checkTokenAnswer(body: unknown, headers: Headers): string | undefined {
  if (!headers.get("x-subject-token"))
    return "came without an X-Subject-Token header, which carries the token";
  const expiresAt = (body as { token?: { expires_at?: unknown } } | null)?.token?.expires_at;
  return typeof expiresAt === "string" ? undefined : "has no token.expires_at string";
}

function required(field: string, value: unknown): string {
  if (typeof value !== "string" || value === "")
    throw new ValidationError(field, "is missing", "it must be a non-empty string");
  return value;
}

/** A `HuaweiTokenProvider` that gets IAM user tokens with a password: `createFgsClient({ projectId, token })`. */
export function createIamTokenProvider(options: IamTokenProviderOptions): HuaweiTokenProvider {
  assertOptionsObject(options, "createIamTokenProvider");
  checkOptions(options, "createIamTokenProvider", { endpoint: "string", fetch: "function" });
  const domainName = required("domainName", options.domainName);
  const userName = required("userName", options.userName);
  const password = required("password", options.password);
  if ((options.projectId === undefined) === (options.projectName === undefined)) {
    throw new ValidationError(
      "projectId",
      options.projectId === undefined ? "and projectName are both missing" : "and projectName are both given",
      "scope the token to one project: by projectId or by projectName",
    );
  }
  if (options.projectId !== undefined && !/^[A-Za-z0-9]{32}$/.test(options.projectId)) {
    throw new ValidationError(
      "projectId",
      `${JSON.stringify(String(options.projectId).slice(0, 40))} is invalid`,
      "it must be 32 letters or digits",
    );
  }
  const project: components["schemas"]["ProjectScope"]["project"] =
    options.projectId !== undefined
      ? { id: options.projectId }
      : { name: required("projectName", options.projectName) };
  const noAuth: AuthScheme = {
    name: "iam-password",
    authorize: async () => {},
    secrets: () => [password],
  };
  const core = createClientCore({
    baseUrl: parseBaseUrl(options.endpoint ?? "https://iam.myhuaweicloud.com", "endpoint"),
    auth: noAuth,
    errors: iamErrorMapping,
    retry: resolveRetryOptions(options),
    fetch: options.fetch,
    headers: { "Content-Type": "application/json;charset=utf8" },
  });

  return async ({ signal }) => {
    const { data, headers } = await send<components["schemas"]["CreateUserTokenResponse"]>(
      core,
      buildRequest<paths, "/v3/auth/tokens", "post">(
        core,
        "post",
        "/v3/auth/tokens",
        { query: { nocatalog: "true" } },
        {
          auth: {
            identity: {
              methods: ["password"],
              password: { user: { name: userName, password, domain: { name: domainName } } },
            },
            scope: { project },
          },
        },
      ),
      // Asking for a token twice does no harm (an older token is not revoked by a newer one).
      {
        signal,
        idempotent: true,
        result: "json",
        operation: "createIamTokenProvider",
        check: checkTokenAnswer,
      },
    );
    // checked by checkTokenAnswer before `call` resolved
    return { token: headers.get("x-subject-token") as string, expiresAt: data.token.expires_at };
  };
}
