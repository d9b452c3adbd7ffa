import { ValidationError } from "@fnapi/runtime";
import { describe, expect, it } from "vitest";
import { createNcfClient } from "../index.js";

// The API a client speaks, chosen once: `api`, else baseUrl's prefix, else v3 in the public regions and the
// zone's own v2 API in the financial and government zones (record 0016).

const keys = { accessKey: "AK", secretKey: "SK" };
const urls: string[] = [];
const fetch = async (input: RequestInfo | URL) => {
  urls.push(input instanceof Request ? input.url : String(input));
  return new Response(null, { status: 204 });
};

describe("choosing the API", () => {
  it.each([
    [{}, "v3", "https://kr-cloudfunctions.apigw.ntruss.com/api/v3/packages/p?platform=VPC"],
    [{ region: "japan" }, "v3", "https://jp-cloudfunctions.apigw.ntruss.com/api/v3/packages/p?platform=VPC"],
    [{ api: "v2.1" }, "v2.1", "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2/packages/p?platform=vpc"],
    [
      { baseUrl: "http://127.0.0.1:4010/api/v3/" },
      "v3",
      "http://127.0.0.1:4010/api/v3/packages/p?platform=VPC",
    ],
    [
      { baseUrl: "http://127.0.0.1:4010/ncf/api/v2" },
      "v2.1",
      "http://127.0.0.1:4010/ncf/api/v2/packages/p?platform=vpc",
    ],
    [{ baseUrl: "http://127.0.0.1:4010", api: "v3" }, "v3", "http://127.0.0.1:4010/packages/p?platform=VPC"],
    [{ region: "government" }, "v2.1", "https://cloudfunctions.apigw.gov-ntruss.com/api/v2/packages/p"],
  ] as const)("%o speaks %s", async (options, api, url) => {
    urls.length = 0;
    const ncf = createNcfClient({ ...keys, fetch, ...options });
    expect(ncf.api).toBe(api);
    await ncf.deletePackage("p");
    expect(urls).toEqual([url]);
  });

  it("refuses an unknown api and v3 in a zone without it, before anything is sent", () => {
    urls.length = 0;
    for (const options of [
      { api: "v4" },
      { api: "v3", region: "government" },
      { api: "v3", region: "finance" },
    ]) {
      expect(() => createNcfClient({ ...keys, fetch, ...(options as object) })).toThrow(ValidationError);
    }
    expect(urls).toEqual([]);
  });
});
