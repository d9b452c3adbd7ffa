import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiRequests, type Harness, NCP, startHarness } from "./test/harness.js";

// fnapi ncf … : the built bin against the emulator (signatures verified), credentials from the environment.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset());

const packages = () =>
  (h.emu.state().ncp?.packages ?? []).map((p) => ({
    name: p.name,
    actions: (p.actions ?? []).map((a) => (typeof a === "string" ? a : a.name)),
  }));
const packageNames = () => packages().map((p) => p.name);

describe("fnapi ncf delete-package", () => {
  it("deletes an empty package (exit 0)", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "empty", "--base-url", h.ncf]);
    expect(run).toMatchObject({ code: 0, stdout: "deleted package empty (vpc)\n", stderr: "" });
    expect(packageNames()).not.toContain("empty");
    expect(apiRequests(h.emu)).toEqual([
      { method: "DELETE", path: "/ncf/api/v2/packages/empty", status: 204, code: null },
    ]);
  });

  it("a package with actions, without --cascade: exit 1, the message carries 80109 and the request id", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "full", "--base-url", h.ncf]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const requestId = h.emu.requests()[0]?.requestId as string;
    expect(run.stderr).toContain("409 80109 PACKAGE_NOT_EMPTY");
    expect(run.stderr).toContain(`request id ${requestId}`);
    expect(run.stderr).toContain("--cascade");
    expect(packageNames()).toContain("full");
    // never retried: a 409 is not transient
    expect(apiRequests(h.emu)).toHaveLength(1);
  });

  it("--cascade deletes the actions, then the package, and --json reports them", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "full", "--cascade", "--json", "--base-url", h.ncf]);
    expect(run.code).toBe(0);
    const report = run.json();
    expect(report).toMatchObject({
      command: "ncf delete-package",
      package: "full",
      platform: "vpc",
      cascade: true,
      rounds: 1,
      alreadyGone: false,
    });
    expect((report.deletedActions as string[]).sort()).toEqual(["a1", "a2", "a3", "a4", "a5", "a6"]);
    expect(run.stderr).toBe(""); // no progress: stderr is not a terminal here
    expect(packageNames()).not.toContain("full");
    const sent = apiRequests(h.emu);
    expect(sent[0]).toMatchObject({ method: "GET", path: "/ncf/api/v2/packages/full/actions", status: 200 });
    expect(sent.slice(1, -1).every((r) => r.method === "DELETE" && r.status === 204)).toBe(true);
    expect(sent.slice(1, -1)).toHaveLength(6);
    expect(sent.at(-1)).toMatchObject({ method: "DELETE", path: "/ncf/api/v2/packages/full", status: 204 });
  });

  it("--cascade in text: one line on stdout", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "full", "--cascade", "--base-url", h.ncf]);
    expect(run).toMatchObject({ code: 0, stdout: "deleted package full (vpc) and its 6 actions\n" });
  });

  it("--missing-ok: a missing package is done (exit 0), without it exit 1 with 80101", async () => {
    const missing = await h.fnapi(["ncf", "delete-package", "nope", "--base-url", h.ncf]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("404 80101");
    expect(missing.stderr).toContain("--missing-ok");

    const ok = await h.fnapi([
      "ncf",
      "delete-package",
      "nope",
      "--missing-ok",
      "--json",
      "--base-url",
      h.ncf,
    ]);
    expect(ok.code).toBe(0);
    expect(ok.json()).toEqual({
      command: "ncf delete-package",
      package: "nope",
      platform: "vpc",
      cascade: false,
      alreadyGone: true,
      attempts: 1,
      requestId: h.emu.requests().at(-1)?.requestId,
    });
    const text = await h.fnapi(["ncf", "delete-package", "nope", "--missing-ok", "--base-url", h.ncf]);
    expect(text.stdout).toBe("package nope (vpc) was already gone\n");

    const cascade = await h.fnapi([
      "ncf",
      "delete-package",
      "nope",
      "--cascade",
      "--missing-ok",
      "--base-url",
      h.ncf,
    ]);
    expect(cascade).toMatchObject({ code: 0, stdout: "package nope (vpc) was already gone\n" });
  });

  it("--platform classic is sent; the other platform answers 80102 (exit 1)", async () => {
    const wrong = await h.fnapi(["ncf", "delete-package", "old", "--base-url", h.ncf]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("80102");
    const run = await h.fnapi([
      "ncf",
      "delete-package",
      "old",
      "--platform",
      "classic",
      "--cascade",
      "--base-url",
      h.ncf,
    ]);
    expect(run).toMatchObject({ code: 0, stdout: "deleted package old (classic) and its 1 action\n" });
    expect(packageNames()).not.toContain("old");
  });

  it("--dry-run sends nothing, checks the input and the credentials, and prints the requests", async () => {
    const run = await h.fnapi([
      "ncf",
      "delete-package",
      "full",
      "--cascade",
      "--dry-run",
      "--base-url",
      h.ncf,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "dry run: nothing was sent; fnapi would send:",
        `  GET ${h.ncf}/packages/full/actions?platform=vpc`,
        `  DELETE ${h.ncf}/packages/full/actions/<action>?platform=vpc for each listed action, 4 at a time`,
        `  DELETE ${h.ncf}/packages/full?platform=vpc`,
        "",
      ].join("\n"),
    );
    // The text and --json list the same steps, the DELETE of each listed action included.
    const cascadeJson = await h.fnapi([
      "ncf",
      "delete-package",
      "full",
      "--cascade",
      "--dry-run",
      "--json",
      "--base-url",
      h.ncf,
    ]);
    expect(cascadeJson.json().requests).toEqual([
      { method: "GET", url: `${h.ncf}/packages/full/actions?platform=vpc` },
      {
        method: "DELETE",
        url: `${h.ncf}/packages/full/actions/<action>?platform=vpc`,
        each: "listed action",
        concurrency: 4,
      },
      { method: "DELETE", url: `${h.ncf}/packages/full?platform=vpc` },
    ]);
    const json = await h.fnapi(["ncf", "delete-package", "full", "--dry-run", "--json", "--verbose"]);
    expect(json.code).toBe(0);
    expect(json.json()).toEqual({
      command: "ncf delete-package",
      package: "full",
      platform: "vpc",
      dryRun: true,
      cascade: false,
      missingOk: false,
      requests: [
        {
          method: "DELETE",
          url: "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2/packages/full?platform=vpc",
        },
      ],
    });
    expect(json.stderr).toBe(""); // --verbose logs requests sent, and none was

    const bad = await h.fnapi(["ncf", "delete-package", "--dry-run", "--base-url", h.ncf, "--", "-x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the package name "-x" starts with "-"');
    const noKeys = await h.fnapi(["ncf", "delete-package", "full", "--dry-run", "--base-url", h.ncf], {
      env: { NCLOUD_ACCESS_KEY_ID: "", NCLOUD_SECRET_KEY: "" },
    });
    expect(noKeys.code).toBe(2);
    expect(noKeys.stderr).toContain("credentials were not given and were not found");
    expect(h.emu.requests()).toEqual([]);
    expect(packageNames()).toContain("full");
  });

  it("--verbose shows each request and answer on stderr, without a secret", async () => {
    const run = await h.fnapi([
      "ncf",
      "delete-package",
      "full",
      "--cascade",
      "--verbose",
      "--base-url",
      h.ncf,
    ]);
    expect(run.code).toBe(0);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(
      new RegExp(
        `^fnapi: GET ${h.ncf}/packages/full/actions\\?platform=vpc → 200 \\((request id \\w+, )?attempt 1, \\d+ ms\\)$`,
      ),
    );
    expect(lines.at(-1)).toMatch(/^fnapi: DELETE .*\/packages\/full\?platform=vpc → 204 /);
    expect(run.stderr).not.toContain(NCP.accessKey.slice(8)); // not even the access key
  });

  it("retries a 503, then succeeds (exit 0); gives up after 3 attempts (exit 1)", async () => {
    await h.fault({ operation: "deletePackage", status: 503, times: 2 });
    const run = await h.fnapi(["ncf", "delete-package", "empty", "--verbose", "--base-url", h.ncf]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/→ 503 500 .*attempt 1,/);
    expect(run.stderr).toMatch(/→ 503 500 .*attempt 2,/);
    expect(run.stderr).toMatch(/→ 204 .*attempt 3,/);
    expect(apiRequests(h.emu).map((r) => r.status)).toEqual([503, 503, 204]);

    h.emu.reset();
    await h.fault({ operation: "deletePackage", status: 503, times: 3 });
    const failed = await h.fnapi(["ncf", "delete-package", "empty", "--json", "--base-url", h.ncf]);
    expect(failed.code).toBe(1);
    expect(failed.json()).toMatchObject({
      error: { name: "NcfApiError", status: 503, code: "500", attempts: 3, method: "DELETE" },
    });
    expect((failed.json().error as { requestId?: string }).requestId).toMatch(/^[0-9a-f]+$/);
  });

  it("--timeout bounds each attempt (a TimeoutError is exit 1)", async () => {
    await h.fault({ operation: "getPackage", delayMs: 3000, times: 3 });
    await h.fault({ operation: "listActions", delayMs: 3000, times: 3 });
    const run = await h.fnapi([
      "ncf",
      "list-actions",
      "full",
      "--timeout",
      "100",
      "--json",
      "--base-url",
      h.ncf,
    ]);
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ error: { name: "TimeoutError", timeoutMs: 100, attempts: 3 } });
  });

  it("a network error is exit 1 and names the host", async () => {
    const run = await h.fnapi([
      "ncf",
      "delete-package",
      "empty",
      "--timeout",
      "2000",
      "--base-url",
      "http://127.0.0.1:1/ncf/api/v2",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("network error reaching 127.0.0.1:1");
  });

  it("refused credentials are exit 1 (401 from the gateway)", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "empty", "--base-url", h.ncf], {
      env: { NCLOUD_SECRET_KEY: "wrong-secret-value" },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("401 200");
    expect(run.stderr).not.toContain("wrong-secret-value");
  });

  it("credentials from ~/.ncloud/configure when the environment has none", async () => {
    const { mkdirSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    mkdirSync(join(h.home, ".ncloud"), { recursive: true });
    writeFileSync(
      join(h.home, ".ncloud", "configure"),
      `[DEFAULT]\nncloud_access_key_id = ${NCP.accessKey}\nncloud_secret_access_key = ${NCP.secretKey}\n`,
    );
    try {
      const run = await h.fnapi(["ncf", "delete-package", "empty", "--base-url", h.ncf], {
        env: { NCLOUD_ACCESS_KEY_ID: "", NCLOUD_SECRET_KEY: "" },
      });
      expect(run).toMatchObject({ code: 0, stdout: "deleted package empty (vpc)\n" });
    } finally {
      const { rmSync } = await import("node:fs");
      rmSync(join(h.home, ".ncloud"), { recursive: true, force: true });
    }
  });
});

describe("fnapi ncf list-actions and delete-action", () => {
  it("lists the actions as a table, or as JSON; - is the actions in no package", async () => {
    const run = await h.fnapi(["ncf", "list-actions", "full", "--base-url", h.ncf]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n").map((l) => l.split(" ")[0])).toEqual([
      "ACTION",
      "a1",
      "a2",
      "a3",
      "a4",
      "a5",
      "a6",
      "",
    ]);
    const loose = await h.fnapi(["ncf", "list-actions", "-", "--json", "--base-url", h.ncf]);
    expect(loose.code).toBe(0);
    expect(loose.json()).toMatchObject({
      command: "ncf list-actions",
      package: "-",
      platform: "vpc",
      actions: [{ name: "loose" }],
    });
    const empty = await h.fnapi(["ncf", "list-actions", "empty", "--base-url", h.ncf]);
    expect(empty).toMatchObject({ code: 0, stdout: "no actions in empty (vpc)\n" });
    const missing = await h.fnapi(["ncf", "list-actions", "nope", "--base-url", h.ncf]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("404 80101");
  });

  it("deletes one action; --missing-ok; --dry-run sends nothing; --platform", async () => {
    const run = await h.fnapi(["ncf", "delete-action", "full", "a1", "--base-url", h.ncf]);
    expect(run).toMatchObject({ code: 0, stdout: "deleted action full/a1 (vpc)\n" });
    expect(packages().find((p) => p.name === "full")?.actions).not.toContain("a1");

    const again = await h.fnapi(["ncf", "delete-action", "full", "a1", "--base-url", h.ncf]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("404 80301");
    const ok = await h.fnapi([
      "ncf",
      "delete-action",
      "full",
      "a1",
      "--missing-ok",
      "--json",
      "--base-url",
      h.ncf,
    ]);
    expect(ok.json()).toEqual({
      command: "ncf delete-action",
      package: "full",
      action: "a1",
      platform: "vpc",
      alreadyGone: true,
      attempts: 1,
      requestId: h.emu.requests().at(-1)?.requestId,
    });

    h.emu.reset();
    const dry = await h.fnapi([
      "ncf",
      "delete-action",
      "old",
      "legacy",
      "--platform",
      "classic",
      "--dry-run",
      "--base-url",
      h.ncf,
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`  DELETE ${h.ncf}/packages/old/actions/legacy?platform=classic\n`);
    expect(h.emu.requests()).toEqual([]);

    const classic = await h.fnapi([
      "ncf",
      "delete-action",
      "old",
      "legacy",
      "--platform",
      "classic",
      "--base-url",
      h.ncf,
    ]);
    expect(classic).toMatchObject({ code: 0, stdout: "deleted action old/legacy (classic)\n" });
  });

  it("retries the transient subnet state 81313", async () => {
    await h.fault({ operation: "deleteAction", status: 500, code: "81313", times: 1 });
    const run = await h.fnapi(["ncf", "delete-action", "full", "a2", "--base-url", h.ncf]);
    expect(run.code).toBe(0);
    // only the DELETEs of a2 are what this test controls (the log may also hold another test's late GET)
    const deletes = apiRequests(h.emu).filter((r) => r.method === "DELETE" && r.path.endsWith("/actions/a2"));
    expect(deletes.map((r) => `${r.status} ${r.code}`)).toEqual(["500 81313", "204 null"]);
  });

  it("bad names and platforms are exit 2 and nothing is sent", async () => {
    const badAction = await h.fnapi(["ncf", "delete-action", "full", "a/b", "--base-url", h.ncf]);
    expect(badAction.code).toBe(2);
    expect(badAction.stderr).toContain('the action name "a/b" contains "/"');
    const badPlatform = await h.fnapi([
      "ncf",
      "list-actions",
      "full",
      "--platform",
      "cloud",
      "--json",
      "--base-url",
      h.ncf,
    ]);
    expect(badPlatform.code).toBe(2);
    expect(badPlatform.json()).toEqual({
      error: {
        name: "ValidationError",
        message: '--platform is "cloud"; it must be "vpc" or "classic"',
        field: "platform",
        rule: 'it must be "vpc" or "classic"',
        fix: "Pass --platform vpc or --platform classic.",
      },
    });
    const long = await h.fnapi(["ncf", "delete-package", "x".repeat(51), "--base-url", h.ncf]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain("is 51 characters long");
    expect(h.emu.requests()).toEqual([]);
  });

  it("--region picks NAVER's regional base URL (seen in a dry run); a bad region is exit 2", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "p", "--region", "singapore", "--dry-run", "--json"]);
    expect(run.json()).toMatchObject({
      requests: [{ url: "https://sg-cloudfunctions.apigw.ntruss.com/ncf/api/v2/packages/p?platform=vpc" }],
    });
    const bad = await h.fnapi(["ncf", "delete-package", "p", "--region", "mars", "--dry-run"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--region is "mars"; for ncf it must be korea, singapore, japan');
  });
});
