import { defineCommand } from "../command.js";

// fnapi emulator: its flags and help here; its handler (commands/emulator.ts) is loaded only when it runs.

export default defineCommand({
  name: "emulator",
  args: [],
  ownsSignals: true,
  summary: "run the local NCF + FunctionGraph + IAM emulator",
  usage:
    "[--port N] [--seed FILE] [--state FILE] [--host H] [--auth verify|off] [--control-token TOKEN] [--open]",
  description: `Runs @fnapi/emulator (the same as its fnapi-emulator bin): a local NCF + FunctionGraph + IAM on one origin,
with state, signature checks and faults. Prints its base URL alone on stdout (--json: {"url": …}), then a
line per request on stderr; stops on Ctrl-C. Point the other commands at it with
--base-url <url>/ncf/api/v2 (ncf) or --base-url <url> (fgs).`,
  flags: {
    port: "port (default 4010; 0 picks a free one)",
    host: "interface to bind (default 127.0.0.1)",
    seed: "the initial state, JSON or YAML (see the @fnapi/emulator README)",
    state: "load the state from FILE when it exists; write it there after every change",
    auth: "verify (default): check every signature and token; off: accept any credentials",
    "control-token":
      "require this bearer token on /_emulator/* (or set FNAPI_EMULATOR_CONTROL_TOKEN, which stays out of ps)",
    open: "open the inspector page (/_emulator/ui) in a browser, where one exists",
  },
  exitCodes: `Exit codes: 0 stopped by Ctrl-C (SIGINT) or SIGTERM, 1 could not start (port in use),
2 bad usage or an invalid seed or state file.`,
  async run(invocation) {
    const { emulator } = await import("./emulator.js");
    await emulator(invocation);
  },
});
