import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiRequests, type Harness, signals, startHarness } from "./test/harness.js";

// What a hostile server (or a user's Ctrl-C) does to the CLI, in-process: terminal injection (#17.10), a
// cascade that fails midway (#17.9), SIGINT/SIGTERM in the middle of a cascade (#17.11).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset());

// Retitles the terminal, erases the line and prints a fake result; C1 CSI; a bidi override.
const INJECTION = "\u001b]0;pwned\u0007\u001b[2K\rdeleted package full (vpc)\n\u009b31m\u202eevil";
/** Any character a terminal acts on. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for them
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileFetch(answer: (url: string, method: string) => Response | undefined): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    return answer(url, method) ?? fetch(input, init);
  };
}

describe("item 10: server-controlled text is escaped before it is printed", () => {
  const io = {
    fetch: hostileFetch((url, method) => {
      if (method === "GET" && url.includes("/actions"))
        return Response.json({ content: { actions: [{ name: INJECTION }, { name: "plain" }] } });
      if (method === "DELETE")
        return new Response(
          JSON.stringify({ error: { errorCode: `80109${INJECTION}`, message: INJECTION } }),
          {
            status: 409,
            headers: { "content-type": "application/json", "x-ncp-trace-id": "id\u009b2K\u001b[2K" },
          },
        );
      return undefined;
    }),
  };

  it("in text: action names on stdout; message, code and request id on stderr; --verbose lines", async () => {
    const list = await h.fnapi(["ncf", "list-actions", "full", "--base-url", h.ncf], { io });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(RAW);
    expect(list.stdout.split("\n")).toHaveLength(4); // a header and two names, each on one line
    expect(list.stdout).toContain(
      "\\u001b]0;pwned\\u0007\\u001b[2K\\rdeleted package full (vpc)\\n\\u009b31m\\u202eevil",
    );

    const failed = await h.fnapi(["ncf", "delete-package", "full", "--verbose", "--base-url", h.ncf], { io });
    expect(failed.code).toBe(1);
    expect(failed.stderr).not.toMatch(RAW);
    expect(failed.stderr).toContain("\\u001b]0;pwned");
    expect(failed.stderr).toContain("request id id\\u009b2K\\u001b[2K");
    expect(failed.stdout).toBe("");
  });

  it("--json stays one valid JSON object, with the same strings, and no raw control character", async () => {
    const list = await h.fnapi(["ncf", "list-actions", "full", "--json", "--base-url", h.ncf], { io });
    expect(list.stdout).not.toMatch(RAW);
    expect((list.json().actions as { name: string }[])[0]?.name).toBe(INJECTION);

    const failed = await h.fnapi(["ncf", "delete-package", "full", "--json", "--base-url", h.ncf], { io });
    expect(failed.code).toBe(1);
    expect(failed.stdout).not.toMatch(RAW);
    expect(failed.stderr).not.toMatch(RAW);
    expect(failed.json()).toMatchObject({ error: { message: INJECTION, requestId: "id\u009b2K\u001b[2K" } });
  });
});

describe("item 9: a cascade that fails midway says what it deleted", () => {
  // a4's DELETE answers 400: the others of its round may go; what did go is reported.
  const io = {
    fetch: hostileFetch((url, method) =>
      method === "DELETE" && /\/actions\/a4\?/.test(url)
        ? Response.json({ error: { errorCode: "80300", message: "BAD_REQUEST" } }, { status: 400 })
        : undefined,
    ),
  };
  const remaining = () =>
    (h.emu.state().ncp?.packages ?? [])
      .find((p) => p.name === "full")
      ?.actions?.map((a) => (typeof a === "string" ? a : a.name)) ?? [];
  const gone = () => ["a1", "a2", "a3", "a4", "a5", "a6"].filter((a) => !remaining().includes(a));

  it("in text: the error on stderr, what was deleted on stdout (exit 1)", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "full", "--cascade", "--base-url", h.ncf], { io });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("400 80300");
    const deleted = gone();
    expect(run.stdout).toMatch(/^before it failed: deleted \d actions? of package full \(vpc\)/);
    for (const action of deleted) expect(run.stdout).toContain(action);
    expect(run.stdout).toContain("the package is still there");
  });

  it("--json: the error and what was done, in one object", async () => {
    const run = await h.fnapi(["ncf", "delete-package", "full", "--cascade", "--json", "--base-url", h.ncf], {
      io,
    });
    expect(run.code).toBe(1);
    const json = run.json();
    expect(json).toMatchObject({
      error: { status: 400, code: "80300" },
      done: { packageDeleted: false, rounds: 1 },
    });
    expect([...(json.done as { deletedActions: string[] }).deletedActions].sort()).toEqual(gone());
  });
});

describe("item 11: SIGINT and SIGTERM stop a cascade cleanly", () => {
  /** Fires `signal` when the `after`-th action DELETE is sent; the emulator answers each after a delay. */
  async function interrupted(signal: "SIGINT" | "SIGTERM", json: boolean) {
    await h.fault({ operation: "deleteAction", delayMs: 150, probability: 1 });
    const source = signals();
    let deletes = 0;
    const io = {
      onSignal: source.onSignal,
      fetch: hostileFetch((url, method) => {
        if (method === "DELETE" && url.includes("/actions/") && ++deletes === 2) source.fire(signal);
        return undefined;
      }),
    };
    const args = [
      "ncf",
      "delete-package",
      "full",
      "--cascade",
      "--base-url",
      h.ncf,
      ...(json ? ["--json"] : []),
    ];
    return h.fnapi(args, { io });
  }

  it("SIGINT: nothing new starts, what is in flight settles, what was done is printed (exit 130)", async () => {
    const run = await interrupted("SIGINT", false);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("fnapi: interrupted by SIGINT; nothing new was started");
    const sent = apiRequests(h.emu).filter((r) => r.method === "DELETE");
    // Started before the signal: at most one round of 4 (6 actions), never the package.
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(sent.every((r) => r.path.includes("/actions/"))).toBe(true);
    expect(run.stdout).toMatch(/^deleted \d actions? of package full \(vpc\)/);
    expect(h.emu.state().ncp?.packages?.some((p) => p.name === "full")).toBe(true);
  });

  it("SIGTERM with --json: one JSON object saying what was deleted (exit 143)", async () => {
    const run = await interrupted("SIGTERM", true);
    expect(run.code).toBe(143);
    const json = run.json();
    expect(json).toMatchObject({
      interrupted: "SIGTERM",
      package: "full",
      cascade: true,
      packageDeleted: false,
    });
    const deleted = apiRequests(h.emu)
      .filter((r) => r.method === "DELETE" && r.status === 204)
      .map((r) => r.path.split("/").at(-1));
    expect([...(json.deletedActions as string[])].sort()).toEqual(deleted.sort());
  });
});
