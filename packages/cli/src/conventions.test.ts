import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrlHint } from "./hints.js";
import { type Harness, startHarness } from "./test/harness.js";

// The CLI's conventions: zones in plain sight, -h/-y, completion from the command table, base-URL hints.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("zones", () => {
  it("--region government --dry-run plans a delete without platform and says one thing", async () => {
    const base = `${new URL(h.ncf).origin}/api/v2`;
    for (const zone of [
      ["--region", "government"],
      ["--zone", "government"],
    ]) {
      const run = await h.fnapi(["ncf", "delete-package", "old", ...zone, "--dry-run", "--base-url", base]);
      expect(run.code, zone.join(" ")).toBe(0);
      expect(run.stdout).toBe(
        `dry run: nothing was sent; fnapi would send:\n  DELETE ${base}/packages/old\n`,
      );
      expect(run.stderr).toBe("");
      const json = await h.fnapi([
        "ncf",
        "delete-package",
        "old",
        ...zone,
        "--dry-run",
        "--json",
        "--base-url",
        base,
      ]);
      expect(json.json()).toMatchObject({
        platform: null,
        requests: [{ method: "DELETE", url: `${base}/packages/old` }],
      });
    }
    expect(h.emu.requests()).toEqual([]);
  });

  it("a --platform the zone lacks: one message that says to leave it out", async () => {
    const base = `${new URL(h.ncf).origin}/api/v2`;
    const run = await h.fnapi([
      "ncf",
      "delete-package",
      "old",
      "--region",
      "government",
      "--platform",
      "vpc",
      "--dry-run",
      "--base-url",
      base,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("The government zone is Classic only: leave --platform out");
    expect(run.stderr.match(/platform out/g)).toHaveLength(1);
    expect(run.stderr).not.toContain("Pass --platform");
  });

  it("--zone and --region that disagree are refused; --help lists every region and zone", async () => {
    const run = await h.fnapi([
      "ncf",
      "list-packages",
      "--region",
      "korea",
      "--zone",
      "finance",
      "--base-url",
      h.ncf,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--zone finance and --region korea disagree");
    const help = await h.fnapi(["ncf", "delete-package", "-h"]);
    for (const word of ["korea", "singapore", "japan", "finance", "government", "--zone Z"])
      expect(help.stdout).toContain(word);
  });
});

describe("conventions", () => {
  it("-h is --help; -y is --yes; required flags show as required", async () => {
    const help = await h.fnapi(["fgs", "prune", "-h"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: fnapi fgs prune --match GLOB");
    expect(help.stdout).toContain("-y, --yes");
    expect(help.stdout).toMatch(/--match GLOB\s+\(required\)/);
    const yes = await h.fnapi(["fgs", "prune", "--match", "nothing-*", "-y", "--base-url", h.fgs]);
    expect(yes).toMatchObject({ code: 0, stdout: expect.stringContaining("nothing to delete") });
  });

  it("FNAPI_NCF_BASE_URL and FNAPI_FGS_BASE_URL stand for --base-url", async () => {
    const ncf = await h.fnapi(["ncf", "list-packages"], { env: { FNAPI_NCF_BASE_URL: h.ncf } });
    expect(ncf.code).toBe(0);
    const fgs = await h.fnapi(["fgs", "list-functions"], { env: { FNAPI_FGS_BASE_URL: h.fgs } });
    expect(fgs.code).toBe(0);
    const bad = await h.fnapi(["ncf", "list-packages"], { env: { FNAPI_NCF_BASE_URL: "ftp://x" } });
    expect(bad.stderr).toContain("FNAPI_NCF_BASE_URL has the scheme ftp:");
  });

  it("a base URL that misses or doubles the API prefix gets a hint naming the right form", async () => {
    const origin = new URL(h.ncf).origin;
    const missing = await h.fnapi(["ncf", "list-packages", "--base-url", origin]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--base-url must end in /ncf/api/v2");
    const doubled = await h.fnapi(["fgs", "list-functions", "--base-url", `${h.fgs}/v2`]);
    expect(doubled.code).toBe(1);
    expect(doubled.stderr).toContain("FunctionGraph's --base-url is the bare host");
    // The class: every 404/APIGW.0101 path shape, right and wrong.
    const hint = (url: string, code?: string) =>
      baseUrlHint({ status: code ? 400 : 404, code, url }).toString();
    expect(hint("http://h/ncf/api/v2/packages/p")).toBe("");
    expect(hint("http://h/proxy/ncf/api/v2/packages/p")).toBe("");
    expect(hint("http://h/api/v2/packages/p")).toBe("");
    expect(hint("http://h/packages/p")).toContain("misses");
    expect(hint("http://h/ncf/api/v2/ncf/api/v2/packages/p")).toContain("twice");
    expect(hint("http://h/v2/p1/fgs/functions/urn", "APIGW.0101")).toBe("");
    expect(hint("http://h/v2/v2/p1/fgs/functions/urn", "APIGW.0101")).toContain("bare host");
    expect(hint("http://h/x/v2/p1/fgs/functions", "")).toContain("bare host");
  });
});

describe("fnapi completion", () => {
  it("bash: sourced in bash, completes `fnapi fgs pr` to prune (and flags, and flag values)", async () => {
    const run = await h.fnapi(["completion", "bash"]);
    expect(run.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "fnapi-completion-"));
    try {
      writeFileSync(join(dir, "fnapi.bash"), run.stdout);
      const complete = (...words: string[]) =>
        execFileSync(
          "bash",
          [
            "-c",
            `source "$0"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _fnapi; echo "\${COMPREPLY[*]}"`,
            join(dir, "fnapi.bash"),
          ],
          { encoding: "utf8", env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } },
        ).trim();
      expect(complete("fnapi", "fgs", "pr")).toBe("prune");
      expect(complete("fnapi", "f")).toBe("fgs");
      expect(complete("fnapi", "ncf", "list-")).toBe("list-packages list-actions");
      expect(complete("fnapi", "ncf", "delete-package", "old", "--zo")).toBe("--zone");
      expect(complete("fnapi", "ncf", "delete-package", "old", "--zone", "g")).toBe("government");
      expect(complete("fnapi", "fgs", "prune", "--kee")).toBe("--keep-versions");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("zsh and fish scripts; an unknown shell is a usage error", async () => {
    expect((await h.fnapi(["completion", "zsh"])).stdout).toContain("bashcompinit");
    const fish = (await h.fnapi(["completion", "fish"])).stdout;
    expect(fish).toContain("__fish_seen_subcommand_from fgs; and not __fish_seen_subcommand_from");
    expect(fish).toContain("-l keep-versions -r");
    const bad = await h.fnapi(["completion", "powershell"]);
    expect(bad.code).toBe(2);
  });
});
