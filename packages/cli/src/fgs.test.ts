import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  apiRequests,
  FUNCTION_URN,
  type Harness,
  HUAWEI,
  OTHER_PROJECT,
  PROJECT,
  startHarness,
} from "./test/harness.js";

// fnapi fgs delete-function: the built bin against the emulator (SDK-HMAC-SHA256 verified), credentials and
// project id from the environment or ~/.huaweicloud/credentials.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset());

const fn = () => h.emu.state().huawei?.functions?.find((f) => f.urn === FUNCTION_URN);

describe("fnapi fgs delete-function", () => {
  it("deletes a version, an alias's version, then the function (exit 0)", async () => {
    const version = await h.fnapi(["fgs", "delete-function", `${FUNCTION_URN}:v2`, "--base-url", h.fgs]);
    expect(version).toMatchObject({
      code: 0,
      stdout: "deleted version v2 of function default/hello (the function and its other versions stay)\n",
      stderr: "",
    });
    expect(fn()?.versions).toEqual(["v1"]);

    const alias = await h.fnapi([
      "fgs",
      "delete-function",
      `${FUNCTION_URN}:!prod`,
      "--json",
      "--base-url",
      h.fgs,
    ]);
    expect(alias.code).toBe(0);
    expect(alias.json()).toEqual({
      command: "fgs delete-function",
      urn: `${FUNCTION_URN}:!prod`,
      alreadyGone: false,
      attempts: 1,
      requestId: h.emu.requests().at(-1)?.requestId,
    });

    const whole = await h.fnapi(["fgs", "delete-function", FUNCTION_URN, "--verbose", "--base-url", h.fgs]);
    expect(whole).toMatchObject({ code: 0, stdout: "deleted function default/hello\n" });
    expect(whole.stderr).toMatch(
      /^fnapi: DELETE http:\/\/127\.0\.0\.1:\d+\/v2\/7aad.*:function:default:hello → 204 \((request id \w+, )?attempt 1, \d+ ms\)\n$/,
    );
    expect(fn()).toBeUndefined();
    expect(apiRequests(h.emu).map((r) => r.status)).toEqual([204, 204, 204]);
  });

  it("a missing function: exit 1 with FSS.1051 and the request id; --missing-ok: exit 0", async () => {
    const urn = `urn:fss:cn-north-4:${PROJECT}:function:default:nope`;
    const missing = await h.fnapi(["fgs", "delete-function", urn, "--base-url", h.fgs]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("404 FSS.1051");
    expect(missing.stderr).toContain(`request id ${h.emu.requests()[0]?.requestId}`);
    const ok = await h.fnapi(["fgs", "delete-function", urn, "--missing-ok", "--base-url", h.fgs]);
    expect(ok).toMatchObject({ code: 0, stdout: "function default/nope was already gone\n" });
    const json = await h.fnapi([
      "fgs",
      "delete-function",
      `${FUNCTION_URN}:!nope`,
      "--missing-ok",
      "--json",
      "--base-url",
      h.fgs,
    ]);
    expect(json.json()).toMatchObject({ alreadyGone: true });
  });

  it("retries a 503 from the control API's fault", async () => {
    await h.fault({ operation: "deleteFunction", status: 503, times: 1 });
    const run = await h.fnapi(["fgs", "delete-function", FUNCTION_URN, "--verbose", "--base-url", h.fgs]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/→ 503 FSS\.0503 \(request id \S+, attempt 1, \d+ ms\)/);
    expect(apiRequests(h.emu).map((r) => r.status)).toEqual([503, 204]);
  });

  it("--dry-run checks the URN against the project and region, finds the credentials, sends nothing", async () => {
    const run = await h.fnapi(["fgs", "delete-function", `${FUNCTION_URN}:!prod`, "--dry-run", "--json"]);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      command: "fgs delete-function",
      urn: `${FUNCTION_URN}:!prod`,
      dryRun: true,
      missingOk: false,
      requests: [
        {
          method: "DELETE",
          url: `https://functiongraph.cn-north-4.myhuaweicloud.com/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}:!prod`,
        },
      ],
    });
    const text = await h.fnapi(["fgs", "delete-function", FUNCTION_URN, "--dry-run", "--base-url", h.fgs]);
    expect(text.stdout).toBe(
      `dry run: nothing was sent; fnapi would send (deleting function default/hello):\n  DELETE ${h.fgs}/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}\n`,
    );
    const region = await h.fnapi([
      "fgs",
      "delete-function",
      FUNCTION_URN,
      "--dry-run",
      "--region",
      "ap-southeast-1",
    ]);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain(
      "the <urn> argument names region cn-north-4; it must be in the client's region ap-southeast-1\nPass --region cn-north-4 (the URN's region), or a URN in ap-southeast-1.",
    );
    const project = await h.fnapi([
      "fgs",
      "delete-function",
      FUNCTION_URN,
      "--dry-run",
      "--project-id",
      OTHER_PROJECT,
    ]);
    expect(project.code).toBe(2);
    expect(project.stderr).toContain(
      `the <urn> argument names project ${PROJECT}; it must belong to the client's project ${OTHER_PROJECT}\nPass --project-id ${PROJECT} (the URN's project), or a URN in project ${OTHER_PROJECT}.`,
    );
    expect(h.emu.requests()).toEqual([]);
    expect(fn()).toBeDefined();
  });

  it("invalid URNs are exit 2 and name the field and the rule", async () => {
    const cases: [string, string][] = [
      [
        "urn:fss:cn-north-4:short:function:default:hello",
        'the <urn> argument\'s project id "short" is invalid',
      ],
      [`urn:fss:cn-north-4:${PROJECT}:function:default:9bad`, "the <urn> argument's function name"],
      ["not-a-urn", 'has 1 ":"-separated fields'],
      [`${FUNCTION_URN}:latest`, "latest"],
    ];
    for (const [urn, expected] of cases) {
      const run = await h.fnapi(["fgs", "delete-function", urn, "--json", "--base-url", h.fgs]);
      expect(run.code, urn).toBe(2);
      const { error } = run.json() as { error: { name: string; message: string } };
      expect(error.name).toBe("ValidationError");
      expect(error.message).toContain(expected);
    }
    expect(h.emu.requests()).toEqual([]);
  });

  it("the project id: --project-id, HUAWEICLOUD_SDK_PROJECT_ID, or missing (exit 2)", async () => {
    const flag = await h.fnapi(
      ["fgs", "delete-function", FUNCTION_URN, "--project-id", PROJECT, "--base-url", h.fgs],
      { env: { HUAWEICLOUD_SDK_PROJECT_ID: "" } },
    );
    expect(flag.code).toBe(0);
    const none = await h.fnapi(["fgs", "delete-function", FUNCTION_URN, "--base-url", h.fgs], {
      env: { HUAWEICLOUD_SDK_PROJECT_ID: "" },
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      "fnapi: the project id is missing; it must be 32 letters or digits\n" +
        "Pass --project-id P, or set HUAWEICLOUD_SDK_PROJECT_ID (or project_id in ~/.huaweicloud/credentials).\n",
    );
  });

  it("credentials from ~/.huaweicloud/credentials; missing credentials are exit 2 and say where it looked", async () => {
    const dir = join(h.home, ".huaweicloud");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "credentials"),
      `[basic]\nak = ${HUAWEI.accessKey}\nsk = ${HUAWEI.secretKey}\nproject_id = ${PROJECT}\n`,
    );
    const noEnv = { HUAWEICLOUD_SDK_AK: "", HUAWEICLOUD_SDK_SK: "", HUAWEICLOUD_SDK_PROJECT_ID: "" };
    try {
      const run = await h.fnapi(["fgs", "delete-function", FUNCTION_URN, "--base-url", h.fgs], {
        env: noEnv,
      });
      expect(run).toMatchObject({ code: 0, stdout: "deleted function default/hello\n" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const missing = await h.fnapi(["fgs", "delete-function", FUNCTION_URN, "--json", "--base-url", h.fgs], {
      env: noEnv,
    });
    expect(missing.code).toBe(2);
    const { error } = missing.json() as { error: Record<string, string> };
    expect(error).toMatchObject({ name: "ValidationError", field: "credentials" });
    expect(error.message).toContain("the environment (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)");
    expect(error.message).toContain(`${join(h.home, ".huaweicloud", "credentials")} (not found)`);
    expect(missing.stderr).toContain("fnapi takes no secret as a flag");
  });
});
