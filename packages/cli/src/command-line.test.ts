import { describe, expect, it } from "vitest";
import { didYouMean, parseCommandLine, wantsJson } from "./command-line.js";
import { UsageError } from "./errors.js";
import { parseTimeout } from "./timeout-flag.js";

// The grammar alone (the CLI's behaviour is tested through run() and the bin in the other files).

describe("parseCommandLine", () => {
  it("takes flags before, between and after the arguments", () => {
    for (const argv of [
      ["--json", "ncf", "delete-action", "p", "a", "--platform", "classic"],
      ["ncf", "--platform=classic", "delete-action", "--json", "p", "a"],
      ["ncf", "delete-action", "p", "a", "--json", "--platform", "classic"],
    ]) {
      expect(parseCommandLine(argv)).toMatchObject({
        kind: "run",
        command: { name: "ncf delete-action" },
        args: ["p", "a"],
        flags: { json: true, platform: "classic" },
      });
    }
  });

  it('passes "-" (the actions in no package) and anything after "--" as arguments', () => {
    expect(parseCommandLine(["ncf", "list-actions", "-"])).toMatchObject({ args: ["-"] });
    expect(parseCommandLine(["ncf", "delete-package", "--", "--x"])).toMatchObject({ args: ["--x"] });
  });

  it("help and version win over the command; help knows the topic", () => {
    expect(parseCommandLine(["ncf", "delete-package", "--help"])).toEqual({
      kind: "help",
      topic: "ncf delete-package",
    });
    expect(parseCommandLine(["help", "fgs"])).toEqual({ kind: "help", topic: "fgs" });
    expect(parseCommandLine(["help", "nope"])).toEqual({ kind: "help", topic: undefined });
    expect(parseCommandLine(["ncf", "delete-package", "--version"])).toEqual({ kind: "version" });
  });

  it("refuses what the command does not take, naming the command for its help", () => {
    const error = (() => {
      try {
        parseCommandLine(["fgs", "delete-function", "u", "--cascade"]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ command: "fgs delete-function" });
  });

  it("reads --json before parsing (so that usage errors are JSON too), not after --", () => {
    expect(wantsJson(["--bogus", "--json"])).toBe(true);
    expect(wantsJson(["ncf", "delete-package", "--", "--json"])).toBe(false);
  });

  it("--timeout is a whole number of milliseconds that timers can hold", () => {
    expect(parseTimeout(undefined, "emulator")).toBeUndefined();
    expect(parseTimeout("2147483647", "emulator")).toBe(2147483647);
    for (const bad of ["0", "-1", "1e3", "2147483648", " 5"]) {
      expect(() => parseTimeout(bad, "ncf list-actions")).toThrow(UsageError);
    }
  });
});

describe("didYouMean", () => {
  it("finds a typo, a swap, a prefix; not an unrelated word", () => {
    const flags = ["cascade", "missing-ok", "dry-run", "platform", "base-url"];
    expect(didYouMean("cascde", flags)).toBe("cascade");
    expect(didYouMean("dyr-run", flags)).toBe("dry-run");
    expect(didYouMean("missing", flags)).toBe("missing-ok");
    expect(didYouMean("secret-key", flags)).toBeUndefined();
    expect(didYouMean("sk", flags)).toBeUndefined();
  });
});
