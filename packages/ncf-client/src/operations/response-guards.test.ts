import { describe, expect, it } from "vitest";
import { createNcfClient, ResponseBodyError } from "../index.js";
import { fakeNcf } from "../test/fake-ncf.js";

// Malformed 2xx data (#17.5): each is a ResponseBodyError naming the operation and what was wrong, before
// anything is returned; never a raw TypeError, never `undefined`.

const answering = (text: string) => {
  const fake = fakeNcf({ pkg: ["a"] });
  fake.before = (method) =>
    method === "GET"
      ? new Response(text, { status: 200, headers: { "content-type": "application/json" } })
      : undefined;
  return fake;
};
const client = (fetch: typeof globalThis.fetch) =>
  createNcfClient({ accessKey: "AK", secretKey: "SK", baseUrl: "https://ncf.test/ncf/api/v2", fetch });

describe("malformed 2xx data (#17.5)", () => {
  it.each([
    ["{}", /has no content object/],
    ["null", /has no content object/],
    ["[]", /has no content object/],
    ['{"content":null}', /has no content object/],
    ['{"content":{}}', /has no content\.actions array/],
    ['{"content":{"actions":"nope"}}', /has no content\.actions array/],
    [
      '{"content":{"actions":[{"name":"a"},7]}}',
      /content\.actions\[1\] that is not an object with a string name/,
    ],
    ['{"content":{"actions":[{"name":null}]}}', /content\.actions\[0\]/],
  ])("listActions on %s", async (text, problem) => {
    const fake = answering(text);
    const error = await client(fake.fetch)
      .listActions("pkg")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ operation: "listActions", status: 200, method: "GET" });
    expect((error as Error).message).toMatch(
      /^listActions: GET https:\/\/ncf\.test\/ncf\/api\/v2\/packages\/pkg\/actions/,
    );
    expect((error as Error).message).toMatch(problem);
    expect(fake.log).toHaveLength(1);
  });

  it.each([
    ["{}", /has no content object/],
    ['{"content":{}}', /has no content\.name string/],
    ['{"content":{"name":"pkg","actions":{}}}', /content\.actions that is not an array/],
    ['{"content":{"name":"pkg","actions":["a",null]}}', /content\.actions\[1\]/],
  ])("getPackage on %s", async (text, problem) => {
    const error = await client(answering(text).fetch)
      .getPackage("pkg")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ operation: "getPackage" });
    expect((error as Error).message).toMatch(problem);
  });

  it('a cascade over {"content":{}} throws it, and deletes nothing', async () => {
    const fake = answering('{"content":{}}');
    const error = await client(fake.fetch)
      .deletePackage("pkg", { cascade: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ operation: "listActions" });
    expect(fake.log.filter((line) => line.startsWith("DELETE"))).toEqual([]);
  });

  it("accepts what the spec allows: extra fields, names or summaries, no actions", async () => {
    const fake = answering('{"content":{"name":"pkg","extra":1,"actions":["a",{"name":"b","web":true}]}}');
    await expect(client(fake.fetch).getPackage("pkg")).resolves.toMatchObject({ name: "pkg" });
    const none = answering('{"content":{"name":"pkg"}}');
    await expect(client(none.fetch).getPackage("pkg")).resolves.toEqual({ name: "pkg" });
    const list = answering('{"content":{"actions":[{"name":"a","type":{}}]},"more":true}');
    await expect(client(list.fetch).listActions("pkg")).resolves.toEqual([{ name: "a", type: {} }]);
  });
});
