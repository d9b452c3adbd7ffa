import { describe, expect, it } from "vitest";
import {
  createNcf,
  createNcfClient,
  deletePackage,
  listPackages,
  type NcfClientOptions,
  ResponseBodyError,
  ValidationError,
} from "./index.js";
import { NCF_BASE_URLS } from "./ncf.js";

const keys = { accessKey: "ncp_iam_EXAMPLEACCESSKEY", secretKey: "EXAMPLESECRETKEY" };

/** A fetch that answers every request with `body` and records the URLs it was sent. */
function recordingFetch(body: unknown, status = 200) {
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    urls.push(url);
    if (body === undefined && status === 200) {
      // The shape each listing has: actions under content, packages as content.
      return Response.json({ content: url.includes("/actions") ? { actions: [] } : [] });
    }
    return status === 204 ? new Response(null, { status }) : Response.json(body, { status });
  }) as typeof globalThis.fetch;
  return { fetch, urls };
}

const client = (options: Partial<NcfClientOptions>, body?: unknown, status?: number) => {
  const recorded = recordingFetch(body, status);
  const ncf = createNcfClient({
    ...keys,
    api: "v2.1",
    fetch: recorded.fetch,
    ...options,
  } as NcfClientOptions & {
    api: "v2.1";
  });
  return { ncf, urls: recorded.urls };
};

describe("listPackages", () => {
  it("GET /packages?platform=vpc by default, and the packages' names and descriptions", async () => {
    const { ncf, urls } = client({}, { content: [{ name: "package001", description: "Create package" }] });
    await expect(ncf.listPackages()).resolves.toEqual([
      { name: "package001", description: "Create package" },
    ]);
    expect(urls).toEqual([`${NCF_BASE_URLS.korea}/packages?platform=vpc`]);
  });

  it("a malformed 2xx body (an item without a name, no content array) is a ResponseBodyError naming the operation", async () => {
    const noName = client({}, { content: [{ name: "p1" }, { description: "no name" }] }).ncf;
    await expect(noName.listPackages()).rejects.toThrow(ResponseBodyError);
    await expect(noName.listPackages()).rejects.toThrow(/listPackages.*content\[1\]/);
    await expect(client({}, { content: {} }).ncf.listPackages()).rejects.toThrow(/no content array/);
  });

  it("sends the platform asked for, and refuses an unknown one before a byte is sent", async () => {
    const { ncf, urls } = client({}, { content: [] });
    await ncf.listPackages({ platform: "classic" });
    await expect(ncf.listPackages({ platform: "gpu" as never })).rejects.toThrow(ValidationError);
    expect(urls).toEqual([`${NCF_BASE_URLS.korea}/packages?platform=classic`]);
  });
});

describe("NAVER's financial and government zones", () => {
  it("finance: found by host, VPC only, and no platform parameter on any request", async () => {
    const { ncf, urls } = client({ baseUrl: NCF_BASE_URLS.finance }, undefined, 204);
    await ncf.deletePackage("package001");
    await ncf.deletePackage("package001", { platform: "vpc" });
    expect(urls).toEqual([
      `${NCF_BASE_URLS.finance}/packages/package001`,
      `${NCF_BASE_URLS.finance}/packages/package001`,
    ]);
    await expect(ncf.listPackages({ platform: "classic" })).rejects.toThrow(
      /platform is "classic", which the finance zone does not have.*VPC only/,
    );
    expect(urls).toHaveLength(2);
  });

  it("government: the zone option alone gives its URL; Classic only; no platform parameter", async () => {
    const { ncf, urls } = client({ zone: "government" });
    await ncf.listPackages();
    await ncf.listActions("package001", { platform: "classic" });
    expect(urls).toEqual([
      "https://cloudfunctions.apigw.gov-ntruss.com/api/v2/packages",
      "https://cloudfunctions.apigw.gov-ntruss.com/api/v2/packages/package001/actions",
    ]);
    const error = await ncf.getPackage("package001", { platform: "vpc" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe("platform");
    expect(urls).toHaveLength(2);
  });

  it("region finance or government is the zone: its URL and its rules; a contradicting zone is refused", async () => {
    const { ncf, urls } = client({ region: "finance" }, { content: [] });
    await ncf.listPackages();
    expect(urls).toEqual([`${NCF_BASE_URLS.finance}/packages`]);
    await expect(ncf.listPackages({ platform: "classic" })).rejects.toThrow(/finance zone does not have/);
    expect(() => client({ region: "government", zone: "government" })).not.toThrow();
    const refused = (() => {
      try {
        client({ region: "korea", zone: "finance" });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).field).toBe("zone");
    expect(String(refused)).toMatch(/region korea is in the standard zone/);
  });

  it("in a zone the raw client's requests go out without platform too", async () => {
    const { ncf, urls } = client({ region: "government" }, { content: [] });
    await ncf.client.GET("/packages", { params: { query: { platform: "classic" } } });
    expect(urls).toEqual([`${NCF_BASE_URLS.government}/packages`]);
  });

  it("an explicit zone for a proxy's URL (the emulator), and refusals naming the option", () => {
    expect(() => client({ baseUrl: "http://127.0.0.1:1/api/v2", zone: "government" })).not.toThrow();
    expect(() => client({ zone: "moon" as never })).toThrow(/zone is "moon"/);
    expect(() => client({ baseUrl: NCF_BASE_URLS.finance, zone: "government" })).toThrow(
      /zone is "government" but baseUrl is in the finance zone/,
    );
    expect(() => client({ baseUrl: "https://cloudfunctions.apigw.gov-ntruss.com/ncf/api/v2" })).toThrow(
      /baseUrl is the government zone with another path than \/api\/v2/,
    );
  });

  it("the cascade in a zone lists and deletes without platform too", async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      urls.push(`${request.method} ${request.url}`);
      if (request.method === "GET") return Response.json({ content: { actions: [{ name: "a1" }] } });
      return new Response(null, { status: 204 });
    }) as typeof globalThis.fetch;
    const ncf = createNcfClient({ ...keys, fetch, baseUrl: NCF_BASE_URLS.finance });
    await ncf.deletePackage("p1", { cascade: true });
    expect(urls.every((u) => !u.includes("platform"))).toBe(true);
    expect(urls).toContain(`DELETE ${NCF_BASE_URLS.finance}/packages/p1`);
  });
});

describe("one zone rule for every path (#23): methods, standalone operations and the typed client", () => {
  it("a platform the zone lacks is a ValidationError before any byte is sent, on every path", async () => {
    const { ncf, urls } = client({ region: "finance" }, { content: [] });
    const refusals = [
      ncf.listPackages({ platform: "classic" }),
      listPackages(ncf, { platform: "classic" }),
      deletePackage(ncf, "package001", { platform: "classic" }),
      ncf.client.GET("/packages", { params: { query: { platform: "classic" } } }),
      ncf.client.DELETE("/packages/{packageName}", {
        params: { path: { packageName: "p1" }, query: { platform: "classic" } },
      }),
    ];
    for (const refusal of refusals) {
      const error = await refusal.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: "platform" });
    }
    expect(urls).toEqual([]);
  });

  it("the zone's own platform is left out on every path, the lean client's too", async () => {
    const recorded = recordingFetch(undefined, 204);
    const lean = createNcf({ ...keys, fetch: recorded.fetch, region: "government" });
    await deletePackage(lean, "package001");
    await deletePackage(lean, "package001", { platform: "classic" });
    expect(recorded.urls).toEqual([
      `${NCF_BASE_URLS.government}/packages/package001`,
      `${NCF_BASE_URLS.government}/packages/package001`,
    ]);
  });
});

describe("NCF zone detection normalises host and path once (#24, class 10)", () => {
  it.each([
    ["a trailing dot", "https://cloudfunctions.apigw.gov-ntruss.com./api/v2"],
    ["upper case", "https://CloudFunctions.APIGW.Gov-Ntruss.COM/api/v2"],
    ["both, and a port", "https://CLOUDFUNCTIONS.apigw.gov-ntruss.com.:443/api/v2"],
    ["a trailing slash", "https://cloudfunctions.apigw.gov-ntruss.com/api/v2/"],
  ])("government host with %s keeps the zone's rules: no platform sent", async (_, baseUrl) => {
    const { ncf, urls } = client({ baseUrl }, undefined, 204);
    await ncf.deletePackage("package001");
    expect(urls).toHaveLength(1);
    expect(urls[0]).not.toContain("platform");
    await expect(ncf.deletePackage("package001", { platform: "vpc" })).rejects.toThrow(ValidationError);
  });

  it.each([
    ["finance, trailing dot", "https://cloudfunctions.apigw.fin-ntruss.com./api/v2"],
    ["finance, upper case", "https://CLOUDFUNCTIONS.APIGW.FIN-NTRUSS.COM/api/v2"],
  ])("%s keeps the financial zone's rules", async (_, baseUrl) => {
    const { ncf, urls } = client({ baseUrl }, undefined, 204);
    await ncf.deletePackage("package001");
    expect(urls[0]).not.toContain("platform");
    await expect(ncf.deletePackage("package001", { platform: "classic" })).rejects.toThrow(ValidationError);
  });

  it.each(["/api/v20", "/api/v2x", "/api/v2/x", "/api", "/", "/API/V2"])(
    "the government host with the path %s is refused",
    (path) => {
      expect(() => client({ baseUrl: `https://cloudfunctions.apigw.gov-ntruss.com${path}` })).toThrow(
        /baseUrl is the government zone with another path than \/api\/v2/,
      );
    },
  );

  it('region "government" with a proxy baseUrl keeps the government rules (decision: the region names the zone)', async () => {
    const { ncf, urls } = client(
      { region: "government", baseUrl: "http://127.0.0.1:1/gov/api/v2" },
      undefined,
      204,
    );
    await ncf.deletePackage("package001");
    expect(urls).toEqual(["http://127.0.0.1:1/gov/api/v2/packages/package001"]);
    await expect(ncf.deletePackage("package001", { platform: "vpc" })).rejects.toThrow(/government zone/);
  });

  it("a region of one zone with a baseUrl on another zone's host is refused, naming region", () => {
    expect(() => client({ region: "finance", baseUrl: NCF_BASE_URLS.government })).toThrow(
      /region is in the finance zone but baseUrl is in the government zone/,
    );
  });
});
