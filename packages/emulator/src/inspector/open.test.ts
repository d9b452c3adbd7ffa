import { describe, expect, it } from "vitest";
import { runEmulatorCommand } from "../command.js";

// The command prints the inspector's URL at start (never the control token) and `--open` hands the browser
// the URL with the token in its fragment.

describe("the inspector URL at start and --open", () => {
  it("prints the URL without the token and opens it with the token in the fragment", async () => {
    let stderr = "";
    let stdout = "";
    const opened: string[] = [];
    const controller = new AbortController();
    let seen: () => void = () => {};
    const ready = new Promise<void>((done) => {
      seen = done;
    });
    const running = runEmulatorCommand(["--port", "0", "--open", "--control-token", "secret-control-token"], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: {
        write: (text: string) => {
          stderr += text;
          if (stderr.includes("inspector:")) seen();
        },
      },
      env: {},
      signal: controller.signal,
      openUrl: async (url) => {
        opened.push(url);
        return false;
      },
    });
    await ready;
    await new Promise((done) => setImmediate(done));
    controller.abort();
    expect(await running).toBe(0);
    const base = stdout.split("\n")[0] as string;
    expect(stderr).toContain(`inspector: ${base}/_emulator/ui#token=<control token>`);
    expect(stderr).toContain("no browser could be opened");
    expect(stderr).not.toContain("secret-control-token");
    expect(opened).toEqual([`${base}/_emulator/ui#token=secret-control-token`]);
  });
});
