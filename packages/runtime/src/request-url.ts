// How an operation's request is built: a path template of the spec with its parameters percent-encoded, and a
// query of scalars — the same string openapi-fetch makes (its default serializers, proven by a property test
// in request-url.test.ts), without loading it.

/** A scalar query or path value; `undefined` (and `null`) leave the parameter out, as openapi-fetch does. */
export type ParamValue = string | number | boolean | null | undefined;

/** How a path parameter's value is encoded. Default `encodeURIComponent`. */
export type PathEncoder = (value: string) => string;

/** What a request is, before it is authenticated: built once per call, copied for every attempt. */
export interface OutgoingRequest {
  /** The HTTP method, upper case. */
  method: string;
  /** The absolute URL, parameters encoded. */
  url: string;
  /** Headers of this request, besides the client's (no credentials: the auth scheme adds those). */
  headers?: Record<string, string> | undefined;
  /** The body, already serialised (JSON text). */
  body?: string | null | undefined;
}

const PARAM = /\{([^}]+)\}/g;

/** `baseUrl` + `template` with its `{name}` parameters encoded, and `?name=value&…` for the defined scalars. */
export function requestUrl(
  baseUrl: string,
  template: string,
  path?: { readonly [name: string]: ParamValue },
  query?: { readonly [name: string]: ParamValue },
  encode: PathEncoder = encodeURIComponent,
): string {
  let url =
    baseUrl +
    (path === undefined
      ? template
      : template.replace(PARAM, (whole, name: string) => {
          const value = path[name];
          return value === undefined || value === null ? whole : encode(String(value));
        }));
  let separator = "?";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    url += `${separator}${name}=${encodeURIComponent(value)}`;
    separator = "&";
  }
  return url;
}

/** The path and query parameters of an operation of openapi-typescript's `paths`. */
export type RequestParams<Operation> = Operation extends {
  parameters: { path?: infer Path; query?: infer Query };
}
  ? ([Path] extends [never | undefined] ? { path?: never } : { path: Path }) &
      ([Query] extends [never | undefined] ? { query?: never } : { query?: Query })
  : never;

/** The JSON body of an operation, when it takes one. */
export type RequestBody<Operation> = Operation extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/** A method of an operation in openapi-typescript's `paths`. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options";

/**
 * An operation's request, typed by the generated `paths`: a path that is not in the spec, a method it does
 * not have or a missing path parameter fails to compile.
 */
export function buildRequest<
  Paths extends {},
  Path extends keyof Paths & string,
  M extends HttpMethod & keyof Paths[Path],
>(
  target: { readonly baseUrl: string; readonly encodePath?: PathEncoder | undefined },
  method: M,
  path: Path,
  params: RequestParams<Paths[Path][M]>,
  body?: RequestBody<Paths[Path][M]>,
): OutgoingRequest {
  const { path: pathParams, query } = params as {
    path?: { [name: string]: ParamValue };
    query?: { [name: string]: ParamValue };
  };
  return {
    method: method.toUpperCase(),
    url: requestUrl(target.baseUrl, path, pathParams, query, target.encodePath),
    body: body === undefined ? null : JSON.stringify(body),
  };
}
