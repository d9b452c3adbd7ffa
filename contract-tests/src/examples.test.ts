import { execFile, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Emulator, parseSeedText, startEmulator } from "@fnapi/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The four other-language examples of examples/ (Python: standard library; bash: curl and openssl; Java: the
// JDK, run from source; Go: the standard library) sign from specs/auth.md alone. Here each one deletes
// through both clouds against @fnapi/emulator seeded with the committed examples/seed.json (the seed the
// READMEs use), every signature verified, and keeps the same exit-code contract: 0 done, 1 an API or network
// error, 2 bad usage (nothing sent). Java and Go also check every signing vector before sending anything.
// Without a language's tools the tests are skipped with a message, unless CI is set (then they fail).

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const examplesDir = join(root, "examples");
const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const FUNCTION_URN = `urn:fss:cn-north-4:${PROJECT}:function:default:hello`;
const seed = parseSeedText(readFileSync(join(examplesDir, "seed.json"), "utf8"));

const available = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: "ignore", timeout: 60_000 }).status === 0;
const tools = {
  python: available("python3", ["--version"]),
  curl:
    available("bash", ["--version"]) && available("curl", ["--version"]) && available("openssl", ["version"]),
  java: available("java", ["-version"]) && available("javac", ["-version"]),
  go: available("go", ["version"]),
};
const needs = { python: "python3", curl: "bash, curl and openssl", java: "a JDK (java, javac)", go: "go" };
for (const [name, ok] of Object.entries(tools)) {
  const what = needs[name as keyof typeof needs];
  if (!ok && process.env.CI)
    throw new Error(`the ${name} example needs ${what} on CI (.ci/run installs Go with apt-get)`);
  if (!ok) console.warn(`skipping the ${name} example: ${what} not found`);
}

const scratch = mkdtempSync(join(tmpdir(), "fnapi-examples-"));
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed });
});
afterAll(async () => {
  await emu?.close();
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => emu.reset());

/** The command line of each example; Java and Go are compiled once (see the source launch test below). */
const commands: Record<keyof typeof tools, () => string[]> = {
  python: () => ["python3", join(examplesDir, "python", "fnapi_delete.py")],
  curl: () => ["bash", join(examplesDir, "curl", "fnapi-delete.sh")],
  java: () => ["java", "-cp", join(scratch, "java"), "FnapiDelete"],
  go: () => [join(scratch, "go", "fnapi-delete")],
};

const build = {
  java: () =>
    spawnSync("javac", ["-d", join(scratch, "java"), join(examplesDir, "java", "FnapiDelete.java")], {
      encoding: "utf8",
      timeout: 120_000,
    }),
  go: () =>
    spawnSync("go", ["build", "-o", join(scratch, "go", "fnapi-delete"), "."], {
      cwd: join(examplesDir, "go"),
      encoding: "utf8",
      timeout: 240_000,
      env: { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" },
    }),
};

const environment = (extra: Record<string, string | undefined> = {}) => {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    FNAPI_ENDPOINT: emu.url,
    NCLOUD_ACCESS_KEY_ID: "AK",
    NCLOUD_SECRET_KEY: "SK",
    HUAWEICLOUD_SDK_AK: "AK",
    HUAWEICLOUD_SDK_SK: "SK",
    HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
  };
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
};

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronously: the emulator answers from this process's event loop.
const exec = (command: string[], extra?: Record<string, string | undefined>) =>
  new Promise<Result>((resolve) => {
    const [file, ...args] = command;
    execFile(
      file ?? "",
      args,
      { env: environment(extra), cwd: root, encoding: "utf8", timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === "number" ? error.code : null) : 0,
          stdout,
          stderr,
        }),
    );
  });

for (const name of Object.keys(tools) as (keyof typeof tools)[]) {
  describe.skipIf(!tools[name])(`examples/${name}`, { timeout: 180_000 }, () => {
    const run = (args: string[], extra?: Record<string, string | undefined>) =>
      exec([...commands[name](), ...args], extra);
    const checksVectors = name === "java" || name === "go";

    beforeAll(() => {
      if (name !== "java" && name !== "go") return;
      const result = build[name]();
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    }, 240_000);

    it("deletes an NCF package and FunctionGraph functions, every signature verified", async () => {
      for (const args of [
        ["ncf-delete-package", "empty"],
        ["ncf-delete-package", "old", "classic"],
        ["fgs-delete-function", `${FUNCTION_URN}:!prod`],
        ["fgs-delete-function", FUNCTION_URN],
      ]) {
        const result = await run(args);
        expect(result.status, `${args.join(" ")}: ${result.stderr}`).toBe(0);
        expect(result.stdout).toMatch(/^DELETE \/\S+ -> 204$/m);
        if (checksVectors) expect(result.stderr).toMatch(/\d+ signing vectors of specs\/test-vectors match/);
      }
      expect(emu.requests().map((r) => [r.operation, r.status, r.authPassed])).toEqual([
        ["deletePackage", 204, true],
        ["deletePackage", 204, true],
        ["deleteFunction", 204, true],
        ["deleteFunction", 204, true],
      ]);
      const state = emu.state();
      expect(state.huawei.functions.map((f) => f.urn)).not.toContain(FUNCTION_URN);
      expect(state.ncp.packages.map((p) => p.name)).not.toContain("empty");
    });

    it("deletes through API v3 by default, and through v2.1 with FNAPI_NCF_API=v2.1 (one state)", async () => {
      const v3 = await run(["ncf-delete-package", "empty"]);
      expect(v3.status, v3.stderr).toBe(0);
      expect(v3.stdout).toMatch(/^DELETE \/api\/v3\/packages\/empty(\?platform=VPC)? -> 204$/m);
      const v21 = await run(["ncf-delete-package", "old", "classic"], { FNAPI_NCF_API: "v2.1" });
      expect(v21.status, v21.stderr).toBe(0);
      expect(v21.stdout).toMatch(/^DELETE \/ncf\/api\/v2\/packages\/old(\?platform=classic)? -> 204$/m);
      const gone = await run(["ncf-delete-package", "empty"], { FNAPI_NCF_API: "v2.1" });
      expect(gone.status).toBe(1);
      expect(gone.stderr).toContain("80101");
      expect(emu.requests().map((r) => [r.path.split("?")[0], r.status, r.authPassed])).toEqual([
        ["/api/v3/packages/empty", 204, true],
        ["/ncf/api/v2/packages/old", 204, true],
        ["/ncf/api/v2/packages/empty", 404, true],
      ]);
    });

    it("signs temporary credentials with X-Security-Token", async () => {
      const result = await run(["fgs-delete-function", `${FUNCTION_URN}:v2`], {
        HUAWEICLOUD_SDK_AK: "AK-TEMPORARY",
        HUAWEICLOUD_SDK_SK: "SK-TEMPORARY",
        HUAWEICLOUD_SDK_SECURITY_TOKEN: "temporary-security-token",
      });
      expect(result.status, result.stderr).toBe(0);
      expect(emu.requests().at(-1)).toMatchObject({ status: 204, authPassed: true });
    });

    it("exits 1 with the vendor's answer for a 404, a 409 and a wrong key, never printing a secret", async () => {
      const gone = await run(["ncf-delete-package", "nothing"]);
      expect(gone.status).toBe(1);
      expect(gone.stderr).toContain("PackageNotFound");
      const busy = await run(["ncf-delete-package", "package001"]);
      expect(busy.status).toBe(1);
      expect(busy.stderr).toContain("ResourceInUse");
      const refused = await run(["fgs-delete-function", FUNCTION_URN], {
        HUAWEICLOUD_SDK_SK: "wrong-secret",
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("APIGW.0301");
      expect(`${refused.stdout}${refused.stderr}`).not.toContain("wrong-secret");
    });

    it("exits 1 when nothing answers", async () => {
      const result = await run(["ncf-delete-package", "empty"], { FNAPI_ENDPOINT: "http://127.0.0.1:9" });
      expect(result.status).toBe(1);
    });

    it("exits 2 for bad usage and for a missing variable, sending nothing", async () => {
      const none = await run([]);
      expect(none.status).toBe(2);
      expect(none.stderr).toMatch(/ncf-delete-package/);
      expect(none.stderr).not.toMatch(/set -euo pipefail/);
      const missing = await run(["fgs-delete-function", FUNCTION_URN], { HUAWEICLOUD_SDK_SK: undefined });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain("HUAWEICLOUD_SDK_SK");
      expect(emu.requests()).toEqual([]);
    });

    it.runIf(checksVectors)("refuses to send when a signing vector does not match", async () => {
      const vectors = join(scratch, `vectors-${name}`);
      cpSync(join(root, "specs", "test-vectors"), vectors, { recursive: true });
      const file = join(vectors, "huawei-sdk-hmac-sha256.json");
      const document = JSON.parse(readFileSync(file, "utf8"));
      const vector = document.vectors[0];
      vector.expected.headers.Authorization = vector.expected.headers.Authorization.replace(
        /Signature=(.)/,
        (_: string, c: string) => `Signature=${c === "0" ? "1" : "0"}`,
      );
      writeFileSync(file, JSON.stringify(document));
      const result = await run(["ncf-delete-package", "empty"], { FNAPI_TEST_VECTORS: vectors });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`signing vector ${vector.id}: Authorization differs`);
      expect(emu.requests()).toEqual([]);
    });
  });
}

describe.skipIf(!tools.java)("examples/java, as documented", { timeout: 180_000 }, () => {
  it("runs from source with `java FnapiDelete.java`", async () => {
    const result = await exec([
      "java",
      join(examplesDir, "java", "FnapiDelete.java"),
      "ncf-delete-package",
      "empty",
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("DELETE /api/v3/packages/empty -> 204");
  });
});
