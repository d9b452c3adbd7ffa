import type { DeleteResult } from "@fnapi/runtime";
import { describe, expectTypeOf, it } from "vitest";
import { createNcfClient } from "./index.js";
import type { NcfClientOptions } from "./ncf.js";
import type { Platform } from "./package-name.js";

// What must not compile. Each `@ts-expect-error` stands right above the line that breaks a rule: if the rule
// stops holding (the line compiles), vitest's typecheck fails with "Unused '@ts-expect-error' directive".

const ncf = createNcfClient({ accessKey: "AK", secretKey: "SK" });
const packageName = "package001";

describe("createNcfClient options", () => {
  it("need both keys, or neither", () => {
    expectTypeOf<{ accessKey: string; secretKey: string }>().toExtend<NcfClientOptions>();
    // @ts-expect-error secretKey is missing
    createNcfClient({ accessKey: "AK" });
    // @ts-expect-error accessKey is missing
    createNcfClient({ secretKey: "SK" });
    // neither key: the server build asks NAVER's credential chain
    createNcfClient();
    createNcfClient({ baseUrl: "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2" });
  });

  it("take retry options and a fetch", () => {
    createNcfClient({ accessKey: "AK", secretKey: "SK", maxAttempts: 2, timeoutMs: 1_000, fetch });
    // @ts-expect-error timeoutMs is a number
    createNcfClient({ accessKey: "AK", secretKey: "SK", timeoutMs: "1s" });
  });
});

describe("deletePackage", () => {
  it("returns Promise<DeleteResult>", () => {
    expectTypeOf(ncf.deletePackage(packageName)).toEqualTypeOf<Promise<DeleteResult>>();
  });

  it("takes only the platforms of the spec", () => {
    expectTypeOf<Platform>().toEqualTypeOf<"vpc" | "classic">();
    ncf.deletePackage(packageName, { platform: "classic", missingOk: true, signal: AbortSignal.timeout(1) });
    // @ts-expect-error "gov" is not a platform
    ncf.deletePackage(packageName, { platform: "gov" });
    // @ts-expect-error the platform is not a positional argument
    ncf.deletePackage(packageName, "vpc");
  });
});

describe("client (openapi-fetch)", () => {
  it("takes the spec's path with its parameters", () => {
    ncf.client.DELETE("/packages/{packageName}", {
      params: { path: { packageName }, query: { platform: "vpc" } },
    });
  });

  it("refuses a path the spec does not have", () => {
    // @ts-expect-error "/package/{packageName}" is not a path of the spec
    ncf.client.DELETE("/package/{packageName}", { params: { path: { packageName } } });
  });

  it("refuses a method the path does not have", () => {
    // @ts-expect-error the spec has no POST for a package
    ncf.client.POST("/packages/{packageName}", { params: { path: { packageName } } });
  });

  it("refuses a missing path parameter", () => {
    // @ts-expect-error params.path.packageName is missing
    ncf.client.DELETE("/packages/{packageName}", { params: { query: { platform: "vpc" } } });
    // @ts-expect-error the init with the path parameter is missing
    ncf.client.DELETE("/packages/{packageName}");
  });

  it("refuses a wrong platform in the query", () => {
    ncf.client.DELETE("/packages/{packageName}", {
      // @ts-expect-error "gov" is not a platform
      params: { path: { packageName }, query: { platform: "gov" } },
    });
  });
});
