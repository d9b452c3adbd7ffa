import { describe, expect, it } from "vitest";
import { createNcfClient, ValidationError } from "./index.js";
import { fakeNcf } from "./test/fake-ncf.js";

// Callers without types (JavaScript, `as any`): every option is checked at run time, and a wrong one is a
// ValidationError naming it before any byte is sent (#17.13).

// biome-ignore lint/suspicious/noExplicitAny: playing an untyped caller
type Untyped = any;

function setup() {
  const fake = fakeNcf({ p: ["a"] });
  const ncf: Untyped = createNcfClient({
    accessKey: "AK",
    secretKey: "SK",
    baseUrl: "https://ncf.test/ncf/api/v2",
    fetch: fake.fetch,
  });
  return { ncf, fake };
}

describe("untyped callers (#17.13)", () => {
  const calls: [string, (ncf: Untyped) => Promise<unknown>, string][] = [
    ["deletePackage(p, null)", (ncf) => ncf.deletePackage("p", null), "options"],
    ["deletePackage(p, 'x')", (ncf) => ncf.deletePackage("p", "x"), "options"],
    ["deletePackage(p, { signal: 'x' })", (ncf) => ncf.deletePackage("p", { signal: "x" }), "signal"],
    ["deletePackage(p, { signal: {} })", (ncf) => ncf.deletePackage("p", { signal: {} }), "signal"],
    ["deletePackage(p, { cascade: 'yes' })", (ncf) => ncf.deletePackage("p", { cascade: "yes" }), "cascade"],
    ["deletePackage(p, { cascade: 1 })", (ncf) => ncf.deletePackage("p", { cascade: 1 }), "cascade"],
    [
      "deletePackage(p, { missingOk: 'no' })",
      (ncf) => ncf.deletePackage("p", { missingOk: "no" }),
      "missingOk",
    ],
    [
      "deletePackage(p, { cascade: true, onProgress: 5 })",
      (ncf) => ncf.deletePackage("p", { cascade: true, onProgress: 5 }),
      "onProgress",
    ],
    ["getPackage(p, null)", (ncf) => ncf.getPackage("p", null), "options"],
    ["getPackage(p, { signal: 'x' })", (ncf) => ncf.getPackage("p", { signal: "x" }), "signal"],
    ["listActions(p, null)", (ncf) => ncf.listActions("p", null), "options"],
    ["listActions(p, { signal: 1 })", (ncf) => ncf.listActions("p", { signal: 1 }), "signal"],
    ["deleteAction(p, a, null)", (ncf) => ncf.deleteAction("p", "a", null), "options"],
    [
      "deleteAction(p, a, { missingOk: 'yes' })",
      (ncf) => ncf.deleteAction("p", "a", { missingOk: "yes" }),
      "missingOk",
    ],
  ];
  for (const [name, call, field] of calls) {
    it(`${name}: a ValidationError naming ${field}, nothing sent`, async () => {
      const { ncf, fake } = setup();
      const error = await Promise.resolve()
        .then(() => call(ncf))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field });
      expect(fake.log).toEqual([]);
    });
  }

  it.each([
    ["fetch: 42", { fetch: 42 }, "fetch"],
    ["fetch: 'fetch'", { fetch: "fetch" }, "fetch"],
    ["logger: {}", { logger: {} }, "logger"],
    ["clock: 1", { clock: 1 }, "clock"],
    ["baseUrl: 1", { baseUrl: 1 }, "baseUrl"],
    ["maxAttempts: '3'", { maxAttempts: "3" }, "maxAttempts"],
    ["backoff: 5", { backoff: 5 }, "backoff"],
  ])("createNcfClient({ %s }): a ValidationError naming the option", (_name, extra, field) => {
    expect(() => createNcfClient({ accessKey: "AK", secretKey: "SK", ...(extra as object) })).toThrow(
      ValidationError,
    );
    expect(() => createNcfClient({ accessKey: "AK", secretKey: "SK", ...(extra as object) })).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it("createNcfClient(null): a ValidationError naming the options", () => {
    expect(() => createNcfClient(null as Untyped)).toThrow(expect.objectContaining({ field: "options" }));
  });
});
