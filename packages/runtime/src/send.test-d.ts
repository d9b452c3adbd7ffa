import { describe, expectTypeOf, it } from "vitest";
import type { AuthScheme } from "./auth-scheme.js";
import type { CallResult } from "./call-result.js";
import { createClientCore, type ErrorMapping } from "./client-core.js";
import { createOpenapiClient } from "./openapi-client.js";
import { buildRequest } from "./request-url.js";
import { resolveRetryOptions } from "./retry-options.js";
import { send } from "./send.js";
import type { paths } from "./test/paths.js";

// What must not compile. Each `@ts-expect-error` stands right above the line that breaks a rule: if the rule
// stops holding (the line compiles), vitest's typecheck fails with "Unused '@ts-expect-error' directive".

declare const auth: AuthScheme;
declare const errors: ErrorMapping;
const core = createClientCore({ baseUrl: "https://api.example", auth, errors, retry: resolveRetryOptions() });
const client = createOpenapiClient<paths>(core);
const id = { params: { path: { id: "1" } } };

describe("send", () => {
  it("resolves to what happened, with the data type the operation names", () => {
    const request = buildRequest<paths, "/things/{id}", "get">(core, "get", "/things/{id}", {
      path: { id: "1" },
    });
    const result = send<{ id: string }>(core, request, { result: "json" });
    expectTypeOf(result).toEqualTypeOf<Promise<CallResult<{ id: string }>>>();
  });

  it("requires a policy saying what the operation returns", () => {
    // @ts-expect-error result is required
    send(core, { method: "DELETE", url: "https://api.example/things/1" }, { idempotent: true });
  });
});

describe("buildRequest", () => {
  it("takes the paths, methods and parameters of the spec only", () => {
    buildRequest<paths, "/things/{id}", "delete">(core, "delete", "/things/{id}", { path: { id: "1" } });
    // @ts-expect-error "/thing/{id}" is not a path
    buildRequest<paths, "/thing/{id}", "delete">(core, "delete", "/thing/{id}", { path: { id: "1" } });
    // @ts-expect-error "/things/{id}" has no PUT
    buildRequest<paths, "/things/{id}", "put">(core, "put", "/things/{id}", { path: { id: "1" } });
    // @ts-expect-error path.id is missing
    buildRequest<paths, "/things/{id}", "delete">(core, "delete", "/things/{id}", { path: {} });
    buildRequest<paths, "/things/{id}", "get">(core, "get", "/things/{id}", {
      path: { id: "1" },
      // @ts-expect-error "/things/{id}" GET takes verbose, not loud
      query: { loud: true },
    });
  });
});

describe("client", () => {
  it("is openapi-fetch's typed client for the same paths", () => {
    client.DELETE("/things/{id}", id);
    // @ts-expect-error "/thing/{id}" is not a path
    client.DELETE("/thing/{id}", id);
    // @ts-expect-error "/things/{id}" has no PUT
    client.PUT("/things/{id}", id);
    // @ts-expect-error params.path.id is missing
    client.GET("/things/{id}", { params: { query: { verbose: true } } });
    // @ts-expect-error name is a string
    client.POST("/things", { body: { name: 1 } });
  });
});
