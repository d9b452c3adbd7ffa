// The types openapi-typescript generates from specs/iam.yaml, exported by @fnapi/fgs-client as `IamPaths`.
import { createIamTokenProvider, IamApiError, type IamPaths as paths } from "@fnapi/fgs-client";
import { describe, expect, inject, it } from "vitest";
import { documentedExamples } from "./spec-examples.js";

// POST /v3/auth/tokens (createUserToken) against Prism serving specs/iam.yaml, with plain fetch and the generated
// types: every documented status and named example, the token in the X-Subject-Token header on 201, and Prism's
// own verdict on request and response (`sl-violations`).

type Operation = paths["/v3/auth/tokens"]["post"];
type RequestBody = Operation["requestBody"]["content"]["application/json"];
type Created = Operation["responses"][201]["content"]["application/json"];
type ErrorBody = Operation["responses"][401]["content"]["application/json"];

const baseUrl = inject("iamMockUrl");
const examples = documentedExamples("iam.yaml", "/v3/auth/tokens", "post");
const PASSWORD = "IAMPassword-example";

function body(project: RequestBody["auth"]["scope"]["project"]): RequestBody {
  return {
    auth: {
      identity: {
        methods: ["password"],
        password: { user: { name: "IAMUser", password: PASSWORD, domain: { name: "IAMDomain" } } },
      },
      scope: { project },
    },
  };
}

async function createUserToken(request: unknown, { prefer, query = "?nocatalog=true" } = { prefer: "" }) {
  const response = await fetch(`${baseUrl}/v3/auth/tokens${query}`, {
    method: "POST",
    // the docs' spelling of the content type, parameter included
    headers: { "Content-Type": "application/json;charset=utf8", ...(prefer ? { Prefer: prefer } : {}) },
    body: JSON.stringify(request),
  });
  return { response, json: (await response.json()) as unknown };
}

/** The vendor code of either IAM error shape: Keystone's `error.code`, or `error_code`. */
function vendorCode(error: ErrorBody): string {
  return "error_code" in error ? error.error_code : String(error.error.code);
}

describe("IAM createUserToken against Prism (specs/iam.yaml)", () => {
  const statuses = [...new Set(examples.map((e) => e.status))].sort((a, b) => a - b);
  it("documents every status of the token page", () => {
    expect(statuses).toEqual([201, 400, 401, 403, 404, 500, 503]);
  });
  // Every documented status through the token provider: 201 gives a token and its expiry, anything else is
  // an IamApiError with that status (and the password in no error surface).
  it.each(statuses)("runs createIamTokenProvider against the documented status %i", async (status) => {
    const seen: number[] = [];
    const provider = createIamTokenProvider({
      domainName: "IAMDomain",
      userName: "IAMUser",
      password: PASSWORD,
      projectName: "cn-north-4",
      endpoint: baseUrl,
      maxAttempts: 1,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        request.headers.set("Prefer", `code=${status}`);
        const response = await fetch(request);
        seen.push(response.status);
        return response;
      },
    });
    const outcome = await Promise.resolve(provider({ signal: new AbortController().signal })).then(
      (result) => result,
      (error: unknown) => error,
    );
    expect(seen).toEqual([status]);
    if (status === 201) {
      expect(outcome).toMatchObject({ token: expect.stringMatching(/^\S{20,}$/) });
    } else {
      expect(outcome).toBeInstanceOf(IamApiError);
      expect(outcome).toMatchObject({ status, attempts: 1 });
      expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
    }
  });

  it.each([
    ["by name", { name: "cn-north-4" }],
    ["by id", { id: "7aad83af3e8d42e99ac194e8419e2c9b" }],
  ] as const)(
    "issues a token on 201 for a project scope %s: X-Subject-Token and expires_at",
    async (_, project) => {
      const { response, json } = await createUserToken(body(project), { prefer: "code=201, dynamic=false" });
      expect(response.status).toBe(201);
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(response.headers.get("X-Subject-Token")).toMatch(/^\S{20,}$/);
      const { token } = json as Created;
      expect(Number.isNaN(Date.parse(token.expires_at))).toBe(false);
      expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(24 * 60 * 60 * 1000);
      expect(token.methods).toEqual(["password"]);
      expect(token.user.name).toBe("IAMUser");
      expect(JSON.stringify(json)).not.toContain(PASSWORD);
    },
  );

  it("accepts the request without nocatalog", async () => {
    const { response } = await createUserToken(body({ name: "cn-north-4" }), {
      prefer: "code=201",
      query: "",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("sl-violations")).toBeNull();
  });

  const errors = examples.filter((e) => e.status >= 400);
  it.each(errors)(
    "answers $status ($example) in one of IAM's two error shapes",
    async ({ status, example, value }) => {
      const { response, json } = await createUserToken(body({ name: "cn-north-4" }), {
        prefer: `code=${status}, example=${example}, dynamic=false`,
      });
      expect(response.status).toBe(status); // Prism falls back to 2xx on a bad Prefer
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(response.headers.get("X-Subject-Token")).toBeNull();
      expect(json).toEqual(value);
      const expected = value as ErrorBody;
      expect(vendorCode(json as ErrorBody)).toBe(
        "error_code" in expected ? expected.error_code : String(status), // Keystone repeats the status
      );
    },
  );

  it("Prism refuses a scope with both the project's id and name, a missing password, a method other than password", async () => {
    // TypeScript's union accepts an object with both; the spec's oneOf does not, and neither does Prism
    const both = await createUserToken(body({ id: "7aad83af3e8d42e99ac194e8419e2c9b", name: "cn-north-4" }));
    expect(both.response.status).toBe(400);
    expect(both.response.headers.get("sl-violations")).toMatch(/oneOf/);

    const noPassword = body({ name: "cn-north-4" }) as { auth: { identity: { password: { user: object } } } };
    noPassword.auth.identity.password.user = { name: "IAMUser", domain: { name: "IAMDomain" } };
    const missing = await createUserToken(noPassword);
    expect(missing.response.status).toBe(400);
    expect(missing.response.headers.get("sl-violations")).toMatch(/password/);

    const token = body({ name: "cn-north-4" });
    // @ts-expect-error the only method is "password"
    token.auth.identity.methods = ["token"];
    const wrongMethod = await createUserToken(token);
    expect(wrongMethod.response.status).toBe(400);
    expect(wrongMethod.response.headers.get("sl-violations")).toMatch(/methods/);
  });
});
