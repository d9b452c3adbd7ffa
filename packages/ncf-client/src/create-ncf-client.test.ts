import { scriptedFetch } from "@fnapi/runtime/testing";
import { describe, expect, it } from "vitest";
import { createNcfClient, isGone, ValidationError } from "./index.js";
import { NCF_BASE_URLS, type NcfClientOptions } from "./ncf.js";

const keys = { accessKey: "ncp_iam_EXAMPLEACCESSKEY", secretKey: "EXAMPLESECRETKEY" };
const PASSWORD = "hunter2-password";

/** The ValidationError `create` throws (failing the test when it throws none or another kind). */
function refusal(create: () => unknown): ValidationError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

describe("createNcfClient validates its options at construction", () => {
  it("no options at all: in the web build, a ValidationError asking for credentials (never looked up there)", () => {
    const error = refusal(() => createNcfClient());
    expect(error.field).toBe("credentials");
    expect(error.message).toMatch(/credentials are missing/);
  });

  it.each([
    [null, "are null"],
    ["key", "are string"],
    [[keys], "are an array"],
  ])("options %j: a ValidationError, not a crash", (options, problem) => {
    const error = refusal(() => createNcfClient(options as unknown as NcfClientOptions));
    expect(error.field).toBe("options");
    expect(error.message).toBe(`options ${problem}; createNcfClient takes an options object`);
  });

  it.each([
    [{}, "credentials", /credentials are missing/],
    [{ accessKey: "AK" }, "secretKey", /secretKey is missing/],
    [{ ...keys, secretKey: "EXAMPLE SECRETKEY" }, "secretKey", /secretKey contains whitespace at position 7/],
    [{ ...keys, secretKey: "EXAMPLE,SECRETKEY" }, "secretKey", /secretKey contains a comma at position 7/],
    [{ ...keys, secretKey: "EXAMPLESECRETKEY\n" }, "secretKey", /secretKey contains the character U\+000a/],
    [{ ...keys, accessKey: "ncp iam" }, "accessKey", /accessKey contains whitespace/],
  ])("refuses credentials %#, naming the field and never quoting the key", (options, field, message) => {
    const error = refusal(() => createNcfClient(options as NcfClientOptions));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("EXAMPLE");
  });

  it.each([
    ["127.0.0.1:4010", /baseUrl/],
    ["localhost:4010/ncf/api/v2", /baseUrl/],
    ["javascript:alert(1)", /baseUrl has the scheme "javascript:"/],
    ["ftp://files.example/ncf", /baseUrl has the scheme "ftp:"/],
    ["/ncf/api/v2", /baseUrl "\/ncf\/api\/v2" is not an absolute URL/],
    ["ncf/api/v2", /is not an absolute URL/],
    ["https://h.example/ncf?x=1", /baseUrl has a query/],
    ["https://h.example/ncf?", /baseUrl has a query/],
    ["https://h.example/ncf#top", /baseUrl has a fragment/],
    ["", /baseUrl is missing/],
  ])("refuses the baseUrl %j", (baseUrl, message) => {
    const error = refusal(() => createNcfClient({ ...keys, baseUrl }));
    expect(error.field).toBe("baseUrl");
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/absolute http\(s\) URL without user:password@, query or fragment/);
  });

  it.each([
    `http://admin:${PASSWORD}@127.0.0.1:4010/ncf/api/v2`,
    `https://user:${encodeURIComponent(PASSWORD)}@h.example`,
    "https://only-user@h.example",
  ])("refuses credentials in the baseUrl %#, without ever showing the password", (baseUrl) => {
    const error = refusal(() => createNcfClient({ ...keys, baseUrl }));
    expect(error.message).toMatch(/baseUrl contains credentials/);
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toMatch(/hunter2|only-user/);
  });

  it("cuts a long bad value in the message", () => {
    const error = refusal(() => createNcfClient({ ...keys, baseUrl: `/${"x".repeat(5_000)}` }));
    expect(error.message.length).toBeLessThan(300);
  });

  it("refuses retry options timers cannot hold", () => {
    expect(refusal(() => createNcfClient({ ...keys, timeoutMs: 2 ** 31 })).field).toBe("timeoutMs");
    expect(refusal(() => createNcfClient({ ...keys, maxAttempts: 0 })).field).toBe("maxAttempts");
  });

  it("defaults to the Korea v2.1 base URL and accepts a loopback one, trailing slash or not", async () => {
    const scripted = scriptedFetch(new Response(null, { status: 204 }));
    await createNcfClient({ ...keys, fetch: scripted.fetch }).deletePackage("p");
    await createNcfClient({
      ...keys,
      fetch: scripted.fetch,
      baseUrl: "http://127.0.0.1:4010/ncf/api/v2/",
    }).deletePackage("p");
    expect(scripted.calls.map((c) => c.url)).toEqual([
      `${NCF_BASE_URLS.korea}/packages/p?platform=vpc`,
      "http://127.0.0.1:4010/ncf/api/v2/packages/p?platform=vpc",
    ]);
  });

  it("exposes the typed openapi-fetch client, signed", async () => {
    const scripted = scriptedFetch(new Response(null, { status: 204 }));
    const ncf = createNcfClient({ ...keys, fetch: scripted.fetch });
    const { response } = await ncf.client.DELETE("/packages/{packageName}", {
      params: { path: { packageName: "package001" }, query: { platform: "classic" } },
    });
    expect(response.status).toBe(204);
    expect(scripted.calls[0]?.headers.get("x-ncp-apigw-signature-v2")).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});

describe("ncf.client: the typed client goes through the operations' pipeline", () => {
  it("client.DELETE rides out 503, 503, 204, each attempt signed afresh", async () => {
    const busy = () => Response.json({ error: { errorCode: "503", message: "busy" } }, { status: 503 });
    const { fetch, calls } = scriptedFetch(busy(), busy(), new Response(null, { status: 204 }));
    const ncf = createNcfClient({ ...keys, fetch, backoff: { baseMs: 0, maxMs: 0 } });
    const { response, error } = await ncf.client.DELETE("/packages/{packageName}", {
      params: { path: { packageName: "pkg" }, query: { platform: "vpc" } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(204);
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.headers.get("x-ncp-apigw-signature-v2"))).toBe(true);
  });
});

describe("isGone and the delete results", () => {
  it("deleteAction resolves to what happened; isGone names the NCF already-gone answers", async () => {
    const gone = Response.json(
      { error: { errorCode: "80301", message: "ACTION_NOT_FOUND" } },
      { status: 404, headers: { "x-ncp-trace-id": "trace-9" } },
    );
    const { fetch } = scriptedFetch(
      new Response(null, { status: 204, headers: { "x-ncp-trace-id": "t1" } }),
      gone,
    );
    const ncf = createNcfClient({ ...keys, fetch });
    expect(await ncf.deleteAction("pkg", "a")).toEqual({ alreadyGone: false, attempts: 1, requestId: "t1" });
    expect(await ncf.deleteAction("pkg", "a", { missingOk: true })).toEqual({
      alreadyGone: true,
      attempts: 1,
      requestId: "trace-9",
    });
    const error = await ncf.deleteAction("pkg", "a").catch((e: unknown) => e);
    expect(isGone(error)).toBe(true);
    expect(isGone(new Error("80301"))).toBe(false);
    expect(isGone({ status: 404, code: "80301" })).toBe(false);
  });
});

describe("region, as FunctionGraph's client takes one", () => {
  it("builds the base URL from region; baseUrl overrides it; an unknown region is refused", async () => {
    const { fetch, calls } = scriptedFetch(new Response(null, { status: 204 }));
    await createNcfClient({ ...keys, fetch, region: "japan" }).deletePackage("pkg");
    expect(calls[0]?.url).toBe(`${NCF_BASE_URLS.japan}/packages/pkg?platform=vpc`);
    await createNcfClient({
      ...keys,
      fetch,
      region: "japan",
      baseUrl: "https://mock.test/ncf/api/v2",
    }).deletePackage("pkg");
    expect(calls[1]?.url).toBe("https://mock.test/ncf/api/v2/packages/pkg?platform=vpc");
    const error = refusal(() => createNcfClient({ ...keys, region: "mars" as "japan" }));
    expect(error.field).toBe("region");
    expect(error.message).toMatch(/it must be one of korea, singapore, japan/);
  });
});
