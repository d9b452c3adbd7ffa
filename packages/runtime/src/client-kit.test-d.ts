import { describe, expectTypeOf, it } from "vitest";
import type { AuthScheme } from "./auth-scheme.js";
import { type CallPolicy, createClientKit, type ErrorMapping } from "./client-kit.js";
import { resolveRetryOptions } from "./retry-options.js";
import type { paths } from "./test/paths.js";

// What must not compile. Each `@ts-expect-error` stands right above the line that breaks a rule: if the rule
// stops holding (the line compiles), vitest's typecheck fails with "Unused '@ts-expect-error' directive".

declare const auth: AuthScheme;
declare const errors: ErrorMapping;
const { run, client } = createClientKit<paths>({
  baseUrl: "https://api.example",
  auth,
  errors,
  retry: resolveRetryOptions(),
});
const none: CallPolicy = { idempotent: true, result: "none" };
const data: CallPolicy = { idempotent: true, result: "json" };
const id = { params: { path: { id: "1" } } };

describe("run", () => {
  it("returns undefined for an operation that answers 204", () => {
    expectTypeOf(run("delete", "/things/{id}", id, none)).toEqualTypeOf<Promise<undefined>>();
  });

  it("returns the operation's typed JSON", () => {
    expectTypeOf(run("get", "/things/{id}", id, data)).toEqualTypeOf<Promise<{ id: string; size: number }>>();
    expectTypeOf(run("post", "/things", { body: { name: "n" } }, data)).toEqualTypeOf<
      Promise<{ id: string }>
    >();
  });

  it("refuses a path the API does not have", () => {
    // @ts-expect-error "/thing/{id}" is not a path
    run("delete", "/thing/{id}", id, none);
  });

  it("refuses a method the path does not have", () => {
    // @ts-expect-error "/things/{id}" has no PUT
    run("put", "/things/{id}", id, none);
  });

  it("refuses a missing path parameter", () => {
    // @ts-expect-error params.path.id is missing
    run("delete", "/things/{id}", { params: {} }, none);
    // @ts-expect-error params are missing
    run("delete", "/things/{id}", {}, none);
  });

  it("refuses a wrong request body", () => {
    // @ts-expect-error name is a string
    run("post", "/things", { body: { name: 1 } }, data);
  });

  it("requires a policy saying whether the operation may be repeated and what it returns", () => {
    // @ts-expect-error the policy is missing
    run("delete", "/things/{id}", id);
    // @ts-expect-error idempotent is required
    run("delete", "/things/{id}", id, { result: "none" });
  });
});

describe("client", () => {
  it("is openapi-fetch's typed client for the same paths", () => {
    client.DELETE("/things/{id}", id);
    // @ts-expect-error "/thing/{id}" is not a path
    client.DELETE("/thing/{id}", id);
    // @ts-expect-error params.path.id is missing
    client.GET("/things/{id}", { params: { query: { verbose: true } } });
  });
});
