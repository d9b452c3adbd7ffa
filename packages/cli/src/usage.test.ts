import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./test/harness.js";

// The command line itself, in-process: --help, --version, and every kind of bad usage (exit 2, nothing
// sent: the emulator's request log stays empty).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset());

describe("--help and --version", () => {
  it("--help for the whole CLI: commands, global flags, credentials, exit codes", async () => {
    // Bare `fnapi` too: the list of every command, both prunes and the listings included.
    for (const args of [["--help"], ["help"], ["-h"], []]) {
      const run = await h.fnapi(args);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      for (const text of [
        "fnapi ncf delete-package <name>",
        "fnapi ncf list-actions <package>",
        "fnapi ncf delete-action <package> <action>",
        "fnapi fgs delete-function <urn>",
        "fnapi ncf prune",
        "fnapi fgs prune",
        "fnapi ncf list-packages",
        "fnapi fgs list-functions",
        "fnapi fgs list-versions <function>",
        "fnapi fgs list-aliases <function>",
        "fnapi completion <shell>",
        "finance (VPC only) or government (Classic only",
        "FNAPI_NCF_BASE_URL",
        "fnapi emulator",
        "--base-url URL",
        "--project-id P",
        "--timeout MS",
        "NCLOUD_ACCESS_KEY_ID",
        "HUAWEICLOUD_SDK_AK",
        "never from a flag",
        "Exit codes:",
        "2    bad usage or invalid input: nothing was sent",
        "130  stopped by SIGINT (Ctrl-C), 143 by SIGTERM",
      ]) {
        expect(run.stdout).toContain(text);
      }
    }
  });

  it("--help for each group and command, wherever the flag is", async () => {
    const cases: [string[], string][] = [
      [["ncf", "--help"], "Usage: fnapi ncf <command>"],
      [["fgs", "--help"], "Usage: fnapi fgs <command>"],
      [["ncf", "delete-package", "--help"], "Usage: fnapi ncf delete-package <name>"],
      [["--help", "ncf", "delete-package"], "--cascade"],
      [["help", "ncf", "list-actions"], "Usage: fnapi ncf list-actions <package>"],
      [["ncf", "delete-action", "p", "a", "--help"], "Usage: fnapi ncf delete-action <package> <action>"],
      [["fgs", "delete-function", "--help"], "urn:fss:<region>:<project_id>:function:<package>:<name>"],
      [["emulator", "--help"], "Usage: fnapi emulator [--port N]"],
    ];
    for (const [args, expected] of cases) {
      const run = await h.fnapi(args);
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stdout, args.join(" ")).toContain(expected);
    }
  });

  it("--version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const run = await h.fnapi(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("bad usage: exit 2, nothing sent", () => {
  const cases: [string[], string][] = [
    [["deploy"], 'unknown command "deploy"'],
    [["ncf"], "fnapi ncf needs a command: list-packages, list-actions, delete-package, delete-action, prune"],
    [["ncf", "delete-everything"], 'unknown command "ncf delete-everything"'],
    [["ncf", "delete-package"], "fnapi ncf delete-package needs <name>"],
    [["ncf", "delete-action", "p"], "fnapi ncf delete-action needs <action>"],
    [["ncf", "delete-package", "a", "b"], 'takes 1 argument; unexpected "b"'],
    [["emulator", "x"], 'takes no arguments; unexpected "x"'],
    [["ncf", "delete-package", "p", "--bogus"], "unknown flag --bogus"],
    [["ncf", "delete-package", "p", "--cascde"], "unknown flag --cascde; did you mean --cascade?"],
    [
      ["ncf", "delete-pakage", "p"],
      'unknown command "ncf delete-pakage"; did you mean "ncf delete-package"?',
    ],
    [["nfc", "delete-package", "p"], 'unknown command "nfc"; did you mean "ncf"?'],
    [
      ["ncf", "delete-package", "p", "--cascade=yes"],
      '--cascade takes no value (it is on or off); drop "=yes"',
    ],
    [
      ["ncf", "delete-package", "p", "--platform"],
      "--platform needs a value: vpc or classic (e.g. --platform classic)",
    ],
    [["ncf", "delete-package", "p", "--platform", "--cascade"], "--platform needs a value: vpc or classic"],
    [["ncf", "delete-package", "p", "--base-url="], "--base-url needs a value"],
    [["ncf", "list-actions", "p", "--cascade"], "--cascade is not a flag of fnapi ncf list-actions"],
    [
      ["ncf", "delete-package", "p", "--project-id", "x"],
      "--project-id is not a flag of fnapi ncf delete-package",
    ],
    [
      ["fgs", "delete-function", "u", "--platform", "vpc"],
      "--platform is not a flag of fnapi fgs delete-function",
    ],
    [["emulator", "--base-url", "http://x"], "--base-url is not a flag of fnapi emulator"],
    [
      ["ncf", "delete-package", "p", "--timeout", "0"],
      '--timeout is "0"; it must be a whole number of milliseconds',
    ],
    [["ncf", "delete-package", "p", "--timeout", "1.5"], '--timeout is "1.5"'],
    // secrets are never flags: they would end up in shell history and ps
    [["ncf", "delete-package", "p", "--secret-key", "s"], "unknown flag --secret-key"],
    [["fgs", "delete-function", "u", "--sk", "s"], "unknown flag --sk"],
  ];
  it.each(cases)("fnapi %j", async (args, expected) => {
    // --base-url first: should a bug let a request out, it goes to the emulator (whose log must stay empty)
    const run = await h.fnapi(args[0] === "emulator" ? args : ["--base-url", h.ncf, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(expected);
    expect(run.stderr).toMatch(/\(see fnapi .*--help\)|fnapi <command> --help tells its flags/);
    expect(h.emu.requests()).toEqual([]);
  });

  it("--json makes a usage error one JSON object on stdout", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "--json"]);
    expect(run.code).toBe(2);
    expect(run.json()).toEqual({
      error: { name: "UsageError", message: "fnapi ncf delete-package needs <name>" },
    });
    const unknown = await h.fnapi(["--json", "nope"]);
    expect(unknown.json()).toMatchObject({ error: { name: "UsageError" } });
  });

  it("a bad --base-url is exit 2, naming the rule", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "p", "--base-url", "ftp://example.test/x"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--base-url has the scheme ftp:; it must be an http(s) URL");
    const withKey = await h.fnapi([
      "ncf",
      "delete-package",
      "p",
      "--base-url",
      "https://user:pw@example.test/",
    ]);
    expect(withKey.code).toBe(2);
    expect(withKey.stderr).not.toContain("pw@");
  });

  it("item 12: a --base-url with user:password@ is never quoted, valid or not, in text and --json", async () => {
    for (const url of [
      "https://user:hunter2@example.test/ncf/api/v2",
      "https://user:hunter2@exa mple.test/",
      "ftp://user:hunter2@example.test/",
      "https://hunter2@[::1/",
      "//user:hunter2@example.test/",
    ]) {
      for (const json of [[], ["--json"]]) {
        const run = await h.fnapi(["ncf", "delete-package", "p", "--base-url", url, ...json]);
        expect(run.code, url).toBe(2);
        expect(run.stdout + run.stderr, url).not.toContain("hunter2");
        expect(run.stdout + run.stderr, url).toContain("--base-url");
      }
    }
    expect(h.emu.requests()).toEqual([]);
  });
});
