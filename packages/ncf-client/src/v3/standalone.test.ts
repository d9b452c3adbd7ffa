import { scriptedFetch } from "@fnapi/runtime/testing";
import { describe, expect, it } from "vitest";
import {
  createNcf,
  createNcfV3,
  deleteActionVersionV3,
  deletePackage,
  deletePackageV3,
  listPackagesV3,
  NcfApiError,
  ValidationError,
} from "../index.js";

// The standalone v3 operations on their own handle (createNcfV3), on the one send path: signed, v3's error
// body read, `missingOk` knowing v3's 404s; createNcf stays on v2.1 whatever it is given (record 0016).

const keys = { accessKey: "ncp_iam_EXAMPLEACCESSKEY", secretKey: "EXAMPLESECRETKEY" };
const baseUrl = "http://127.0.0.1:4010/api/v3";
const notFound = (code: string) =>
  Response.json({ error: { errorCode: code, message: "gone", detail: "no such thing" } }, { status: 404 });

describe("standalone v3 operations", () => {
  it("deletePackageV3 sends v3's path and VPC, signed, and resolves on 204", async () => {
    const { fetch, calls } = scriptedFetch(new Response(null, { status: 204 }));
    const result = await deletePackageV3(createNcfV3({ ...keys, baseUrl, fetch }), "p1", { platform: "vpc" });
    expect(result.alreadyGone).toBe(false);
    expect(calls.map((c) => [c.method, c.url])).toEqual([["DELETE", `${baseUrl}/packages/p1?platform=VPC`]]);
    expect(calls[0]?.headers.get("x-ncp-iam-access-key")).toBe(keys.accessKey);
  });

  it("reads v3's error body into NcfApiError, and missingOk takes VersionNotFound as already gone", async () => {
    const { fetch } = scriptedFetch(notFound("PackageNotFound"), notFound("VersionNotFound"));
    const ncf = createNcfV3({ ...keys, baseUrl, fetch });
    const error = await deletePackageV3(ncf, "p1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NcfApiError);
    expect(error).toMatchObject({ status: 404, code: "PackageNotFound", details: "no such thing" });
    const gone = await deleteActionVersionV3(ncf, "p1", "a1", "v1", { missingOk: true });
    expect(gone.alreadyGone).toBe(true);
  });

  it("lists page after page on the send path", async () => {
    const page = (pageNo: number, names: string[]) =>
      Response.json({ pageNo, totalPages: 2, packages: names.map((name) => ({ name })) });
    const { fetch, calls } = scriptedFetch(page(0, ["a"]), page(1, ["b"]));
    const names: string[] = [];
    for await (const p of listPackagesV3(createNcfV3({ ...keys, baseUrl, fetch }))) names.push(p.name);
    expect(names).toEqual(["a", "b"]);
    expect(calls.map((c) => new URL(c.url).searchParams.get("pageNo"))).toEqual(["0", "1"]);
  });

  it("refuses v3 in a zone without it and `default` as a package, before anything is sent", async () => {
    const { fetch, calls } = scriptedFetch();
    expect(() => createNcfV3({ ...keys, fetch, region: "government" })).toThrow(ValidationError);
    await expect(deletePackageV3(createNcfV3({ ...keys, baseUrl, fetch }), "default")).rejects.toThrow(
      ValidationError,
    );
    expect(calls).toHaveLength(0);
  });

  it("createNcf stays on v2.1: the v2.1 operation, v2.1's path and lower-case platform", async () => {
    const { fetch, calls } = scriptedFetch(new Response(null, { status: 204 }));
    await deletePackage(createNcf({ ...keys, fetch }), "p1");
    expect(calls[0]?.url).toBe("https://cloudfunctions.apigw.ntruss.com/ncf/api/v2/packages/p1?platform=vpc");
  });
});
