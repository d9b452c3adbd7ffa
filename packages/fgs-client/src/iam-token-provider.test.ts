import { inspect } from "node:util";
import { createHuaweiTokenSource } from "@fnapi/auth";
import { describe, expect, it } from "vitest";
import { createIamTokenProvider, IamApiError } from "./iam-token-provider.js";

const PASSWORD = "hunter2/Pass+word=SECRET";
const base = { domainName: "acme", userName: "deployer", password: PASSWORD, endpoint: "https://iam.test" };

function fakeIam(answer: (body: unknown, index: number) => Response) {
  const seen: { url: string; method: string; body: unknown; headers: Headers }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const raw = init?.body;
    const body = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw as ArrayBuffer));
    seen.push({
      url: String(input),
      method: String(init?.method),
      body,
      headers: new Headers(init?.headers),
    });
    return answer(body, seen.length - 1);
  };
  return { fetch, seen };
}

const issued = (token: string, expiresAt = "2030-01-01T00:00:00.000000Z") =>
  new Response(
    JSON.stringify({
      token: { expires_at: expiresAt, issued_at: "2029-12-31T00:00:00Z", methods: ["password"], user: {} },
    }),
    {
      status: 201,
      headers: { "content-type": "application/json", "x-subject-token": token },
    },
  );

describe("createIamTokenProvider", () => {
  it("asks IAM for a project-scoped token with the password method, and reads X-Subject-Token", async () => {
    const iam = fakeIam(() => issued("MIItoken"));
    const provider = createIamTokenProvider({ ...base, projectName: "cn-north-4", fetch: iam.fetch });
    expect(await provider({ signal: new AbortController().signal })).toEqual({
      token: "MIItoken",
      expiresAt: "2030-01-01T00:00:00.000000Z",
    });
    expect(iam.seen[0]?.url).toBe("https://iam.test/v3/auth/tokens?nocatalog=true");
    expect(iam.seen[0]?.method).toBe("POST");
    expect(iam.seen[0]?.body).toEqual({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: "deployer", password: PASSWORD, domain: { name: "acme" } } },
        },
        scope: { project: { name: "cn-north-4" } },
      },
    });
  });

  it("through a token source: one request per token, shared by concurrent callers", async () => {
    const iam = fakeIam((_, i) => issued(`token-${i}`));
    const source = createHuaweiTokenSource(
      createIamTokenProvider({ ...base, projectId: "7aad83af3e8d42e99ac194e8419e2c9b", fetch: iam.fetch }),
    );
    const tokens = await Promise.all(Array.from({ length: 50 }, () => source.get()));
    expect(new Set(tokens)).toEqual(new Set(["token-0"]));
    expect(iam.seen).toHaveLength(1);
    source.invalidate("token-0");
    expect(await source.get()).toBe("token-1");
  });

  it("a refused password is an IamApiError that never shows the password, even when echoed", async () => {
    const iam = fakeIam((body) =>
      Response.json(
        {
          error: { code: 401, message: `bad credentials in ${JSON.stringify(body)}`, title: "Unauthorized" },
        },
        { status: 401 },
      ),
    );
    const provider = createIamTokenProvider({
      ...base,
      projectName: "cn-north-4",
      fetch: iam.fetch,
      maxAttempts: 1,
    });
    const error = await Promise.resolve(provider({ signal: new AbortController().signal })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IamApiError);
    expect(error).toMatchObject({ status: 401, code: "401" });
    const rendered = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      (error as IamApiError).body,
    ];
    for (const text of rendered) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(JSON.stringify(PASSWORD).slice(1, -1));
    }
    expect(inspect(provider, { showHidden: true, depth: 10 })).not.toContain(PASSWORD);
  });

  it("validates its options before any request", () => {
    expect(() => createIamTokenProvider({ ...base })).toThrow(/projectId and projectName are both missing/);
    expect(() => createIamTokenProvider({ ...base, projectId: "x", projectName: "y" })).toThrow(/both given/);
    expect(() => createIamTokenProvider({ ...base, password: "", projectName: "cn-north-4" })).toThrow(
      /password is missing/,
    );
    expect(() =>
      createIamTokenProvider({ ...base, projectName: "r", endpoint: "http://u:p@iam.test" }),
    ).toThrow(/endpoint contains credentials/);
  });
});
