import { NCP_RENEWAL, renewingCredentials } from "@fnapi/auth/credentials";
import { scriptedFetch } from "@fnapi/runtime/testing";
import { describe, expect, it } from "vitest";
import { createNcf, createNcfClient, ValidationError } from "./index.js";
import { deletePackage } from "./operations/delete-package.js";

// Keys that expire, in the web build: `createNcf` (one call, no renewal cache bundled) takes
// renewingCredentials(provider); `createNcfClient` also takes a bare provider.

const base = "http://127.0.0.1:4010/ncf/api/v2";

function issuer() {
  let n = 0;
  const provider = async () => {
    n++;
    return {
      accessKey: `ncp_iam_TEMP${n}`,
      secretKey: `temporary-secret-${n}`,
      expiresAt: Date.now() + 3_600_000,
    };
  };
  return { provider, calls: () => n };
}

describe("keys that expire in the web build", () => {
  it("createNcf signs with renewingCredentials(provider), renewing once after a 401", async () => {
    const { provider, calls } = issuer();
    const scripted = scriptedFetch(
      new Response(JSON.stringify({ error: { errorCode: "200", message: "Authentication Failed" } }), {
        status: 401,
      }),
      new Response(null, { status: 204 }),
    );
    const ncf = createNcf({
      credentials: renewingCredentials(provider, { renewal: NCP_RENEWAL }),
      baseUrl: base,
      fetch: scripted.fetch,
    });
    await expect(deletePackage(ncf, "p")).resolves.toBeDefined();
    expect(calls()).toBe(2);
    const keysSent = scripted.calls.map((c) => new Headers(c.headers).get("x-ncp-iam-access-key"));
    expect(keysSent).toEqual(["ncp_iam_TEMP1", "ncp_iam_TEMP2"]);
  });

  it("createNcfClient takes a bare provider; createNcf refuses one before anything is sent", async () => {
    const { provider, calls } = issuer();
    const scripted = scriptedFetch(new Response(null, { status: 204 }));
    await createNcfClient({ credentials: provider, baseUrl: base, fetch: scripted.fetch }).deletePackage("p");
    expect(calls()).toBe(1);
    expect(() => createNcf({ credentials: provider, baseUrl: base, fetch: scripted.fetch })).toThrow(
      ValidationError,
    );
    expect(scripted.calls).toHaveLength(1);
  });
});
