import { scriptedFetch } from "@fnapi/runtime/testing";
import { describe, expect, it } from "vitest";
import type { FgsClientOptions } from "./create-fgs-client.js";
import { createFgsClient, ValidationError } from "./index.js";
import { formatFunctionUrn } from "./urn.js";

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const token = "MIItoken-value";
const PASSWORD = "hunter2-password";

function refusal(create: () => unknown): ValidationError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}
const create = (options: object) => () => createFgsClient(options as FgsClientOptions);

describe("createFgsClient validates its options at construction", () => {
  it("no options at all: in the web build, a ValidationError asking for credentials (never looked up there)", () => {
    const error = refusal(() => createFgsClient());
    expect(error.field).toBe("credentials");
    expect(error.message).toMatch(/credentials are missing; give token, or accessKey and secretKey/);
  });

  it.each([null, 42, []])("options %j: a ValidationError, not a crash", (options) => {
    const error = refusal(create(options as object));
    expect(error.field).toBe("options");
    expect(error.message).toMatch(/createFgsClient takes an options object/);
  });

  it.each([
    [{ token }, "projectId", /projectId is missing; it must be 32 letters or digits/],
    [{ token, projectId: "7aad83af" }, "projectId", /projectId "7aad83af" is invalid/],
    [{ token, projectId: `${projectId}/../x` }, "projectId", /is invalid/],
    [
      { token, projectId, region: "CN-North-4" },
      "region",
      /region "CN-North-4" is invalid; it must be lower-case/,
    ],
    [{ token, projectId, region: "cn-north-4.evil.example" }, "region", /is invalid/],
  ])("refuses %j", (options, field, message) => {
    const error = refusal(create(options));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("wants either a token or keys, never both, never neither", () => {
    expect(refusal(create({ projectId })).message).toMatch(
      /credentials are missing; give token, or accessKey and secretKey/,
    );
    expect(refusal(create({ projectId, token, accessKey: "AK", secretKey: "SK-value" })).message).toMatch(
      /credentials are given twice \(token and accessKey\/secretKey\)/,
    );
    expect(refusal(create({ projectId, token, secretKey: "SK-value" })).field).toBe("credentials");
    expect(refusal(create({ projectId, accessKey: "AK" })).field).toBe("secretKey");
  });

  it.each([
    ["SECRET KEY", /secretKey contains whitespace at position 6/],
    ["SECRET,KEY", /secretKey contains a comma at position 6/],
    ["SECRETKEY\r\n", /secretKey contains the character U\+000d/],
  ])("refuses the secret key %j without quoting it", (secretKey, message) => {
    const error = refusal(create({ projectId, accessKey: "AK", secretKey }));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("SECRET");
  });

  it("refuses a token that would inject a header", () => {
    expect(refusal(create({ projectId, token: "abc\r\nX-Evil: 1" })).message).toMatch(/token contains/);
  });

  it.each([
    ["127.0.0.1:4010", /baseUrl/],
    ["javascript:alert(1)", /baseUrl has the scheme "javascript:"/],
    ["/v2", /is not an absolute URL/],
    ["https://h.example/?region=x", /has a query/],
    ["https://h.example/#x", /has a fragment/],
  ])("refuses the baseUrl %j", (baseUrl, message) => {
    const error = refusal(create({ projectId, token, baseUrl }));
    expect(error.field).toBe("baseUrl");
    expect(error.message).toMatch(message);
  });

  it("refuses credentials in the baseUrl without showing the password", () => {
    const error = refusal(create({ projectId, token, baseUrl: `http://user:${PASSWORD}@127.0.0.1:4010` }));
    expect(error.message).toMatch(/baseUrl contains credentials/);
    expect(`${error.message}${error.stack}${JSON.stringify(error)}`).not.toContain("hunter2");
  });

  it("builds the host from the region, cn-north-4 by default", async () => {
    const scripted = scriptedFetch(new Response(null, { status: 204 }));
    const urnIn = (region: string) => formatFunctionUrn({ region, projectId, name: "hello" });
    await createFgsClient({ projectId, token, fetch: scripted.fetch }).deleteFunction(urnIn("cn-north-4"));
    await createFgsClient({
      projectId,
      token,
      region: "ap-southeast-1",
      fetch: scripted.fetch,
    }).deleteFunction(urnIn("ap-southeast-1"));
    expect(scripted.calls.map((c) => new URL(c.url).host)).toEqual([
      "functiongraph.cn-north-4.myhuaweicloud.com",
      "functiongraph.ap-southeast-1.myhuaweicloud.com",
    ]);
  });

  it("exposes the typed openapi-fetch client, authenticated", async () => {
    const scripted = scriptedFetch(new Response(null, { status: 204 }));
    const fgs = createFgsClient({ projectId, token, fetch: scripted.fetch });
    const function_urn = formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello" });
    const { response } = await fgs.client.DELETE("/v2/{project_id}/fgs/functions/{function_urn}", {
      params: { path: { project_id: projectId, function_urn } },
    });
    expect(response.status).toBe(204);
    expect(scripted.calls[0]?.headers.get("x-auth-token")).toBe(token);
    expect(scripted.calls[0]?.url).toContain(`/functions/${function_urn}`);
  });
});

describe("formatFunctionUrn", () => {
  it("refuses the version latest, which deleteFunction would refuse too", () => {
    const error = refusal(() =>
      formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello", version: "latest" }),
    );
    expect(error.field).toBe("version");
    expect(error.message).toMatch(/latest, which cannot be deleted/);
  });

  it("checks each part, naming it", () => {
    expect(
      refusal(() => formatFunctionUrn({ region: "cn-north-4", projectId: "x", name: "hello" })).field,
    ).toBe("projectId");
    expect(refusal(() => formatFunctionUrn({ region: "cn-north-4", projectId, name: "1abc" })).field).toBe(
      "name",
    );
    expect(
      refusal(() => formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello", alias: "a:b" }))
        .field,
    ).toBe("alias");
  });
});
