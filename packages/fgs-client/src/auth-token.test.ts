import { describe, expect, it } from "vitest";
import {
  createFgs,
  deleteFunction,
  FgsApiError,
  fgsToken,
  fgsTokenProvider,
  ValidationError,
} from "./index.js";

// The token schemes of the lean client: a fixed token (`fgsToken`, no provider cache in its bundle) and a token
// that renews itself (`fgsTokenProvider`).

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const urn = `urn:fss:cn-north-4:${projectId}:function:default:hello`;

function recording(answer: (token: string | null) => Response) {
  const tokens: (string | null)[] = [];
  const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const token = new Headers(init?.headers).get("x-auth-token");
    tokens.push(token);
    return answer(token);
  }) as typeof globalThis.fetch;
  return { fetch, tokens };
}

const unauthorized = () =>
  Response.json(
    { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" },
    { status: 401 },
  );

describe("fgsToken and fgsTokenProvider", () => {
  it("fgsToken sends the fixed token; a 401 is final (nothing to refresh)", async () => {
    const { fetch, tokens } = recording(unauthorized);
    const fgs = createFgs({ projectId, auth: fgsToken("fixed-token-1"), fetch });
    const error = await deleteFunction(fgs, urn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FgsApiError);
    expect(tokens).toEqual(["fixed-token-1"]);
    expect(JSON.stringify(error)).not.toContain("fixed-token-1");
  });

  it("fgsToken refuses a provider by name, pointing to fgsTokenProvider, before anything is sent", () => {
    const provider = async () => "t";
    expect(() => fgsToken(provider as never)).toThrow(ValidationError);
    expect(() => fgsToken(provider as never)).toThrow(/token is a function; .*fgsTokenProvider\(provider\)/);
    const { fetch, tokens } = recording(() => new Response(null, { status: 204 }));
    expect(() => createFgs({ projectId, auth: fgsToken("bad\ntoken"), fetch })).toThrow(/token contains/);
    expect(tokens).toEqual([]);
  });

  it("fgsTokenProvider caches the provider's token and refreshes it once after a 401", async () => {
    let issued = 0;
    const provider = async () => ({ token: `provided-${++issued}`, expiresAt: Date.now() + 3_600_000 });
    const { fetch, tokens } = recording((token) =>
      token === "provided-1" ? unauthorized() : new Response(null, { status: 204 }),
    );
    const fgs = createFgs({ projectId, auth: fgsTokenProvider(provider), fetch });
    await deleteFunction(fgs, urn);
    await deleteFunction(fgs, urn);
    expect(tokens).toEqual(["provided-1", "provided-2", "provided-2"]);
    expect(issued).toBe(2);
  });
});
