import { inspect } from "node:util";
import type { TemporaryCredentials } from "@fnapi/auth";
import { scriptedFetch } from "@fnapi/runtime/testing";
import { describe, expect, it } from "vitest";
import { createFgsClient, FgsApiError } from "./index.js";
import { formatFunctionUrn } from "./urn.js";

// Credentials that expire, through the client: the provider is cached, renewed once however many calls wait,
// renewed once after a 401 that blames the key, and its secrets are redacted like static ones.

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const urn = formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello" });
const HOUR = 3_600_000;

function issuer(lifetimeMs = 6 * HOUR) {
  const issued: TemporaryCredentials[] = [];
  const provider = async () => {
    await new Promise((resolve) => setTimeout(resolve, 5)); // a fetch takes a while: calls pile up meanwhile
    const n = issued.length + 1;
    const keys = {
      accessKey: `TEMPAK${String(n).padStart(6, "0")}`,
      secretKey: `Temp/Secret+${n}&value"x`,
      securityToken: `gQ9Security<Token>${n}/value==`,
      expiresAt: Date.now() + lifetimeMs,
      source: "test-provider",
    };
    issued.push(keys);
    return keys;
  };
  return { provider, issued };
}

const noContent = () => new Response(null, { status: 204 });

describe("createFgsClient({ credentials: provider })", () => {
  it("50 concurrent calls on a cold provider cause one credential request", async () => {
    const { provider, issued } = issuer();
    const scripted = scriptedFetch(noContent);
    const fgs = createFgsClient({ projectId, credentials: provider, fetch: scripted.fetch });
    await Promise.all(Array.from({ length: 50 }, () => fgs.deleteFunction(urn)));
    expect(issued).toHaveLength(1);
    expect(scripted.calls).toHaveLength(50);
  });

  it("sends the security token as X-Security-Token, signed", async () => {
    const { provider, issued } = issuer();
    const scripted = scriptedFetch(noContent);
    await createFgsClient({ projectId, credentials: provider, fetch: scripted.fetch }).deleteFunction(urn);
    const headers = scripted.calls[0]?.headers as Headers;
    expect(headers.get("x-security-token")).toBe(issued[0]?.securityToken);
    expect(headers.get("authorization")).toMatch(/Access=TEMPAK000001, SignedHeaders=[^,]*x-security-token/);
  });

  it("a 401 for an expired key causes one renewal, and the call succeeds", async () => {
    const { provider, issued } = issuer();
    const expired = new Set<string>();
    const scripted = scriptedFetch((call) => {
      const ak = /Access=([^,]+)/.exec(call.headers.get("authorization") ?? "")?.[1] ?? "";
      if (expired.has(ak)) {
        return Response.json(
          { error_code: "APIG.0307", error_msg: "The token must be updated." },
          { status: 401 },
        );
      }
      return noContent();
    });
    const fgs = createFgsClient({ projectId, credentials: provider, fetch: scripted.fetch });
    await fgs.deleteFunction(urn);
    expired.add("TEMPAK000001"); // revoked early, or the clocks disagree: the server says it has expired
    const results = await Promise.all(Array.from({ length: 20 }, () => fgs.deleteFunction(urn)));
    expect(results.every((r) => r.alreadyGone === false && r.attempts === 2)).toBe(true);
    expect(issued).toHaveLength(2); // one renewal for the whole burst
  });

  it("a 401 after the renewal is the caller's: one renewal per call at most, then FgsApiError", async () => {
    const { provider, issued } = issuer();
    const scripted = scriptedFetch(
      Response.json(
        { error_code: "APIG.0301", error_msg: "Incorrect IAM authentication information" },
        { status: 401 },
      ),
    );
    const fgs = createFgsClient({ projectId, credentials: provider, fetch: scripted.fetch });
    const error = await fgs.deleteFunction(urn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FgsApiError);
    expect(issued).toHaveLength(2);
    expect(scripted.calls).toHaveLength(2);
  });

  it("the temporary secret key and security token never appear in an error, in any encoding the redactor covers", async () => {
    const { provider, issued } = issuer();
    let n = 0;
    const scripted = scriptedFetch(() => {
      const keys = issued[issued.length - 1] as TemporaryCredentials;
      const secret = keys.secretKey;
      const token = keys.securityToken as string;
      const forms = [
        secret,
        token,
        JSON.stringify(secret),
        encodeURIComponent(secret),
        encodeURIComponent(token),
        token.replace(/[<>/]/g, (c) => `&#${c.charCodeAt(0)};`),
      ];
      n++;
      return new Response(`{"error_msg":"echo ${forms.join(" | ")}"}`, {
        status: n === 1 ? 401 : 400,
        statusText: "Bad",
        headers: { "x-echo": token },
      });
    });
    const fgs = createFgsClient({ projectId, credentials: provider, fetch: scripted.fetch, maxAttempts: 1 });
    const error = await fgs.deleteFunction(urn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FgsApiError);
    const shown = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      inspect(fgs, { depth: 6 }),
    ];
    for (const keys of issued) {
      for (const text of shown) {
        expect(text).not.toContain(keys.secretKey);
        expect(text).not.toContain(encodeURIComponent(keys.secretKey));
        expect(text).not.toContain(keys.securityToken);
        expect(text).not.toContain("Security<Token>");
        expect(text).not.toContain("Security&#60;Token");
      }
    }
  }, 120_000); // a loaded machine: the error is inspected and searched many times

  it("refuses a provider together with keys or a token, before anything is sent", () => {
    const { provider } = issuer();
    expect(() =>
      createFgsClient({ projectId, credentials: provider, accessKey: "AK", secretKey: "SK-value" } as never),
    ).toThrow(/credentials are given twice \(accessKey\/secretKey and credentials\)/);
    expect(() => createFgsClient({ projectId, credentials: "x" } as never)).toThrow(/credentials/);
  });
});
