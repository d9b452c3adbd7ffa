import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// The network guard every test run installs (vitest.shared.ts): tested here, where it guards this file.
import { expectRefused, isLoopback, NetworkGuardError } from "../../../../../scripts/network-guard/guard.mjs";
import { ValidationError } from "../../validation-error.js";
import { huaweiCredentialsChain } from "./huawei-chain.js";
import { ncpCredentialsChain } from "./ncp-chain.js";

const notACloudServer = () => undefined;

describe("the network guard", () => {
  it.each(["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"])(
    "lets %s through",
    (host) => {
      expect(isLoopback(host)).toBe(true);
    },
  );

  it.each([
    "169.254.169.254",
    "100.100.100.200",
    "192.0.2.1",
    "::ffff:169.254.169.254",
    "localhost.example",
    "0.0.0.0",
    "iam.myhuaweicloud.com",
  ])("refuses %s", (host) => {
    expect(isLoopback(host)).toBe(false);
  });

  it("refuses a connection beyond loopback at once, before any packet (net.connect, and fetch through it)", async () => {
    expect(() => expectRefused(() => net.connect(80, "169.254.169.254"))).toThrow(NetworkGuardError);
    const failed = await expectRefused(() =>
      fetch("http://169.254.169.254/openstack/latest/securitykey"),
    ).catch((error: Error) => error);
    expect(String((failed as Error).cause ?? failed)).toMatch(/network guard/);
  });
});

describe("with no credentials anywhere, the chains send nothing", () => {
  const counting = () => {
    const calls: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(null, { status: 500 });
    }) as typeof fetch;
    return { calls, fetchImpl };
  };

  it("Huawei: a ValidationError saying where it looked and what to set, never a request", () => {
    const { calls, fetchImpl } = counting();
    let error: unknown;
    try {
      huaweiCredentialsChain({ env: {}, home: "/nonexistent-home", dmi: notACloudServer, fetch: fetchImpl });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(
      /looked in the environment \(HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK\)/,
    );
    expect((error as Error).message).toMatch(/the ECS metadata \(not asked/);
    expect((error as Error).message).toMatch(/set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/);
    expect(calls).toEqual([]);
  });

  it("NAVER: the same", () => {
    const { calls, fetchImpl } = counting();
    expect(() =>
      ncpCredentialsChain({ env: {}, home: "/nonexistent-home", dmi: notACloudServer, fetch: fetchImpl }),
    ).toThrow(/the Server Role \(not asked/);
    expect(calls).toEqual([]);
  });

  it("a machine that says it is a Huawei Cloud server gets the metadata provider (sending only when asked for keys)", async () => {
    const { calls, fetchImpl } = counting();
    const found = huaweiCredentialsChain({
      env: {},
      home: "/nonexistent-home",
      dmi: (field) => (field === "chassis_asset_tag" ? "HUAWEICLOUD" : undefined),
      fetch: fetchImpl,
    });
    expect(typeof found === "function" && found.source).toBe("huawei-ecs-metadata");
    expect(calls).toEqual([]);
  });

  it("FNAPI_HUAWEICLOUD_METADATA=false wins over the machine's word", () => {
    expect(() =>
      huaweiCredentialsChain({
        env: { FNAPI_HUAWEICLOUD_METADATA: "false" },
        home: "/nonexistent-home",
        dmi: () => "HUAWEICLOUD",
      }),
    ).toThrow(/FNAPI_HUAWEICLOUD_METADATA=false/);
  });

  it("an error from a provider names the endpoint and status, never a body or a value", async () => {
    const echo = (async () =>
      new Response(JSON.stringify({ echoed: "the-secret-that-was-sent" }), { status: 403 })) as typeof fetch;
    const tokenFile = join(mkdtempSync(join(tmpdir(), "fnapi-id-token-")), "token");
    writeFileSync(tokenFile, "header.payload.signature\n");
    const found = huaweiCredentialsChain({
      env: {
        HUAWEICLOUD_SDK_IDP_ID: "idp",
        HUAWEICLOUD_SDK_ID_TOKEN_FILE: tokenFile,
        HUAWEICLOUD_SDK_IAM_ENDPOINT: "http://127.0.0.1:9",
      },
      home: "/nonexistent-home",
      fetch: echo,
    });
    if (typeof found !== "function") throw new Error("expected a provider");
    const error = await Promise.resolve(found({ signal: new AbortController().signal })).catch(
      (e: Error) => e,
    );
    expect(String(error)).toMatch(
      /POST http:\/\/127\.0\.0\.1:9\/v3\.0\/OS-AUTH\/id-token\/tokens answered 403/,
    );
    expect(String(error)).not.toContain("the-secret-that-was-sent");
  });
});
