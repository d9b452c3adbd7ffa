import { describe, expectTypeOf, it } from "vitest";
import type { AuthScheme } from "./auth-scheme.js";
import { type CallResult, createClientKit, type ErrorMapping } from "./client-kit.js";
import { resolveRetryOptions } from "./retry-options.js";
import type { paths } from "./test/paths.js";

// What must not compile. Each `@ts-expect-error` stands right above the line that breaks a rule: if the rule
// stops holding (the line compiles), vitest's typecheck fails with "Unused '@ts-expect-error' directive".

declare const auth: AuthScheme;
declare const errors: ErrorMapping;
const kit = createClientKit<paths>({
  baseUrl: "https://api.example",
  auth,
  errors,
  retry: resolveRetryOptions(),
});
const { client } = kit;
const id = { params: { path: { id: "1" } } };

describe("call", () => {
  it("resolves to what happened, with the data type the operation names", () => {
    const result = kit.call<{ id: string }>({ result: "json" }, (fetch) =>
      client.GET("/things/{id}", { ...id, fetch, parseAs: "stream" }),
    );
    expectTypeOf(result).toEqualTypeOf<Promise<CallResult<{ id: string }>>>();
  });

  it("requires a policy saying what the operation returns", () => {
    // @ts-expect-error result is required
    kit.call({ idempotent: true }, (fetch) => client.DELETE("/things/{id}", { ...id, fetch }));
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
