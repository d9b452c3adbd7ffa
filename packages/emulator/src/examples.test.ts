import { execFile, execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server.js";
import { FUNCTION_URN, HUAWEI, HUAWEI_TEMPORARY, NCP, PROJECT, testSeed } from "./test-support.js";

// The other-language examples (examples/python: standard library only; examples/curl: bash, curl, openssl)
// sign from specs/auth.md alone. Here they run against the emulator with every signature verified.
// Without python3, curl or openssl on the machine the tests are skipped with a message, unless CI is set.

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const available = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: "ignore" }).status === 0;
const tools = {
  python: available("python3", ["--version"]),
  curl:
    available("curl", ["--version"]) && available("openssl", ["version"]) && available("bash", ["--version"]),
};
for (const [name, ok] of Object.entries(tools)) {
  if (!ok && process.env.CI)
    throw new Error(`the ${name} example needs its tools on CI (python3; bash, curl, openssl)`);
  if (!ok) console.warn(`skipping the ${name} example: its tools are missing`);
}

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: testSeed() });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const environment = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? "",
  FNAPI_ENDPOINT: emu.url,
  NCLOUD_ACCESS_KEY_ID: NCP.accessKey,
  NCLOUD_SECRET_KEY: NCP.secretKey,
  HUAWEICLOUD_SDK_AK: HUAWEI.accessKey,
  HUAWEICLOUD_SDK_SK: HUAWEI.secretKey,
  HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
  ...extra,
});

const examples = {
  python: ["python3", join(root, "examples", "python", "fnapi_delete.py")],
  curl: ["bash", join(root, "examples", "curl", "fnapi-delete.sh")],
} as const;

for (const [name, [command, script]] of Object.entries(examples)) {
  describe.skipIf(!tools[name as keyof typeof tools])(`examples/${name}`, () => {
    // Asynchronously: the emulator answers from this process's event loop.
    const run = (args: string[], extra?: Record<string, string>) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          command,
          [script, ...args],
          { env: environment(extra), encoding: "utf8", timeout: 30_000 },
          (error, stdout, stderr) =>
            resolve({
              status: error ? (typeof error.code === "number" ? error.code : null) : 0,
              stdout,
              stderr,
            }),
        );
      });

    it("deletes an NCF package and FunctionGraph functions, every signature verified", async () => {
      for (const args of [
        ["ncf-delete-package", "empty"],
        ["ncf-delete-package", "old", "classic"],
        ["fgs-delete-function", `${FUNCTION_URN}:!prod`],
        ["fgs-delete-function", FUNCTION_URN],
      ]) {
        const result = await run(args);
        expect(result.status, `${args.join(" ")}: ${result.stderr}`).toBe(0);
        expect(result.stdout).toMatch(/-> 204/);
      }
      expect(emu.requests().map((r) => [r.operation, r.status, r.authPassed])).toEqual([
        ["deletePackage", 204, true],
        ["deletePackage", 204, true],
        ["deleteFunction", 204, true],
        ["deleteFunction", 204, true],
      ]);
      expect(emu.state().huawei.functions.map((f) => f.urn)).not.toContain(FUNCTION_URN);
    });

    it("signs temporary credentials with X-Security-Token", async () => {
      const result = await run(["fgs-delete-function", `${FUNCTION_URN}:v1`], {
        HUAWEICLOUD_SDK_AK: HUAWEI_TEMPORARY.accessKey,
        HUAWEICLOUD_SDK_SK: HUAWEI_TEMPORARY.secretKey,
        HUAWEICLOUD_SDK_SECURITY_TOKEN: HUAWEI_TEMPORARY.securityToken,
      });
      expect(result.status, result.stderr).toBe(0);
    });

    it("exits 1 with the vendor's answer for a 404, a 409 and a wrong key, never printing a secret", async () => {
      const gone = await run(["ncf-delete-package", "nothing"]);
      expect(gone.status).toBe(1);
      expect(gone.stderr).toContain("80101");
      expect((await run(["ncf-delete-package", "package001"])).stderr).toContain("80109");
      const refused = await run(["fgs-delete-function", FUNCTION_URN], {
        HUAWEICLOUD_SDK_SK: "wrong-secret",
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("APIGW.0301");
      expect(`${refused.stdout}${refused.stderr}`).not.toContain("wrong-secret");
    });
  });
}

it("the examples are executable files", () => {
  for (const [, script] of Object.values(examples))
    expect(() => execFileSync("test", ["-x", script])).not.toThrow();
});
