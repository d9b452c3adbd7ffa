import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator, type Seed, startEmulator } from "@fnapi/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FUNCTION_URN, PROJECT, type Run, runBin, runInProcess, seed } from "./test/harness.js";

// Keyless credentials through the CLI, against the emulator playing every party (metadata, Pod Identity,
// IAM v3.0, STS v5, GitHub's id-token endpoint, NAVER's Server Role), with environment variables only.

const POD_TOKEN = "pod-service-account-token-value";
const REQUEST_TOKEN = "actions-request-token-value";
const PROVIDER_URN = "iam::0123456789abcdef:identity-provider:github";
const AGENCY_URN = "iam::0123456789abcdef:agency:deployer";

let emu: Emulator;
let home: string;
beforeAll(async () => {
  const base = seed();
  emu = await startEmulator({
    port: 0,
    seed: {
      ...base,
      ncp: { ...base.ncp, serverRole: { roleId: "fnapi-role" } },
      huawei: {
        ...base.huawei,
        keyless: {
          lifetimeSeconds: 3600,
          metadata: { agency: "ecs-agency" },
          podIdentity: { token: POD_TOKEN },
          identityProviders: [{ id: "github-idp", audience: "huaweicloud" }],
          oidcProviders: [{ urn: PROVIDER_URN, audience: "huaweicloud", agencyUrns: [AGENCY_URN] }],
          agencies: [{ domain: "other-account", name: "deployer" }],
        },
      },
      oidc: { issuer: { requestToken: REQUEST_TOKEN, subject: "repo:acme/app:ref:refs/heads/main" } },
    } as Seed,
  });
  home = mkdtempSync(join(tmpdir(), "fnapi-keyless-home-"));
});
afterAll(async () => {
  await emu.close();
  rmSync(home, { recursive: true, force: true });
});
beforeEach(() => emu.reset());

/** Every secret the emulator handed out so far, and the ones the environment held. */
function secrets(): string[] {
  const state = emu.state() as unknown as {
    huawei: {
      keyless: { issued: { secretKey: string; securityToken: string }[] };
      tokens: { token: string }[];
    };
    ncp: { serverRole: { issued: { secretKey: string }[] } };
  };
  return [
    ...state.huawei.keyless.issued.flatMap((k) => [k.secretKey, k.securityToken]),
    ...state.huawei.tokens.map((t) => t.token).filter((t) => t.startsWith("MIIfed")),
    ...state.ncp.serverRole.issued.map((k) => k.secretKey),
    POD_TOKEN,
    REQUEST_TOKEN,
  ];
}

function expectNoSecret(run: Run) {
  const shown = run.stdout + run.stderr;
  for (const secret of secrets()) {
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(encodeURIComponent(secret));
  }
}

const huawei = (env: Record<string, string>) => ({ HOME: home, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, ...env });
const github = () => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: `${emu.url}/oidc-issuer/token?api-version=2.0`,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
  FNAPI_ID_TOKEN_AUDIENCE: "huaweicloud",
});
async function idTokenFile(): Promise<string> {
  const answer = await fetch(`${emu.url}/oidc-issuer/token?audience=huaweicloud`, {
    headers: { Authorization: `Bearer ${REQUEST_TOKEN}` },
  });
  const file = join(home, "id-token");
  writeFileSync(file, ((await answer.json()) as { value: string }).value);
  return file;
}
const ops = () => emu.requests().map((r) => `${r.operation}:${r.status}`);

describe("a CLI delete through each keyless flow, environment variables only", () => {
  const flows: [string, () => Promise<Record<string, string>>, string[]][] = [
    [
      "ECS metadata",
      async () => ({ FNAPI_HUAWEICLOUD_METADATA_ENDPOINT: emu.url }),
      ["createMetadataSessionToken:200", "getMetadataSecurityKey:200"],
    ],
    [
      "CCE Pod Identity",
      async () => {
        const file = join(home, "pod-token");
        writeFileSync(file, POD_TOKEN);
        return {
          HC_CONTAINER_CREDENTIALS_FULL_URI: `${emu.url}/v1/pod-identity/credentials`,
          HC_CONTAINER_AUTHORIZATION_TOKEN_FILE: file,
        };
      },
      ["createPodIdentityCredentials:200"],
    ],
    [
      "id-token file + IAM v3.0 federation",
      async () => ({
        HUAWEICLOUD_SDK_IDP_ID: "github-idp",
        HUAWEICLOUD_SDK_ID_TOKEN_FILE: await idTokenFile(),
        HUAWEICLOUD_SDK_IAM_ENDPOINT: emu.url,
      }),
      // createIdToken: the test minting the file's token, as a CI step would write it.
      ["createIdToken:200", "createTokenWithIdToken:201", "createTemporaryAccessKey:201"],
    ],
    [
      "GitHub's token endpoint + IAM v3.0 federation",
      async () => ({
        ...github(),
        HUAWEICLOUD_SDK_IDP_ID: "github-idp",
        HUAWEICLOUD_SDK_IAM_ENDPOINT: emu.url,
      }),
      ["createIdToken:200", "createTokenWithIdToken:201", "createTemporaryAccessKey:201"],
    ],
    [
      "GitHub's token endpoint + STS v5 assume-with-oidc",
      async () => ({
        ...github(),
        FNAPI_HUAWEICLOUD_OIDC_PROVIDER_URN: PROVIDER_URN,
        FNAPI_HUAWEICLOUD_AGENCY_URN: AGENCY_URN,
        HUAWEICLOUD_SDK_STS_ENDPOINT: emu.url,
      }),
      ["createIdToken:200", "assumeAgencyWithOidc:200"],
    ],
    [
      "assume-agency on top of the ECS metadata",
      async () => ({
        FNAPI_HUAWEICLOUD_METADATA_ENDPOINT: emu.url,
        FNAPI_HUAWEICLOUD_AGENCY_NAME: "deployer",
        FNAPI_HUAWEICLOUD_AGENCY_DOMAIN: "other-account",
        HUAWEICLOUD_SDK_IAM_ENDPOINT: emu.url,
      }),
      ["createMetadataSessionToken:200", "getMetadataSecurityKey:200", "createTemporaryAccessKey:201"],
    ],
  ];

  it.each(flows)("%s: fnapi fgs delete-function", async (_, env, parties) => {
    const run = await runInProcess(
      ["fgs", "delete-function", `${FUNCTION_URN}:v1`, "--base-url", emu.url, "--verbose"],
      huawei(await env()),
    );
    expect(run.stderr).toMatch(
      /credentials: renewed from huawei-[a-z0-9-]+.*key id …[A-Z0-9]{4}, expires 20\d\d-/,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(ops()).toEqual([...parties, "deleteFunction:204"]);
    expectNoSecret(run);
  });

  it("NAVER Server Role: fnapi ncf delete-package", async () => {
    const run = await runInProcess(
      ["ncf", "delete-package", "empty", "--base-url", `${emu.url}/ncf/api/v2`, "--verbose"],
      { HOME: home, NCLOUD_METADATA_ENDPOINT: emu.url },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/credentials: renewed from ncloud-server-role \(key id …[A-Z0-9]{4}, expires/);
    expect(ops()).toEqual(["listServerRoles:200", "getServerRoleCredentials:200", "deletePackage:204"]);
    expectNoSecret(run);
  });

  it("the built bin, as a workflow runs it: GitHub's token endpoint + STS v5, then fnapi auth status --json", async () => {
    const env = huawei({
      ...github(),
      FNAPI_HUAWEICLOUD_OIDC_PROVIDER_URN: PROVIDER_URN,
      FNAPI_HUAWEICLOUD_AGENCY_URN: AGENCY_URN,
      HUAWEICLOUD_SDK_STS_ENDPOINT: emu.url,
    });
    const deleted = await runBin(
      ["fgs", "delete-function", `${FUNCTION_URN}:v2`, "--base-url", emu.url],
      env,
    );
    expect(deleted.code, deleted.stderr).toBe(0);
    const status = await runBin(["auth", "status", "huawei", "--json"], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.json()).toMatchObject({
      command: "auth status",
      cloud: "huawei",
      source: "huawei-sts-assume-with-oidc (github-actions-id-token)",
      keyId: expect.stringMatching(/^…[A-Z0-9]{4}$/),
      expiresAt: expect.stringMatching(/^20\d\d-/),
      temporary: true,
    });
    expectNoSecret(deleted);
    expectNoSecret(status);
  });
});

describe("fnapi auth status", () => {
  it("text: provider, the key id's last 4 characters, the expiry; never a secret", async () => {
    const run = await runInProcess(
      ["auth", "status", "huawei"],
      huawei({ FNAPI_HUAWEICLOUD_METADATA_ENDPOINT: emu.url }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^huawei: huawei-ecs-metadata, key id …[A-Z0-9]{4}, expires 20\d\d-\d\d-\d\dT.*Z\n$/,
    );
    expectNoSecret(run);
  });

  it("static keys: their source, and that they do not expire", async () => {
    const run = await runInProcess(["auth", "status", "ncp"], {
      HOME: home,
      NCLOUD_ACCESS_KEY_ID: "ncp_iam_STATICKEY1234",
      NCLOUD_SECRET_KEY: "static-secret-value",
    });
    expect(run.stdout).toBe("ncp: environment, key id …1234, does not expire\n");
    expect(run.stdout + run.stderr).not.toContain("static-secret-value");
  });
});

describe("with no credentials anywhere", () => {
  it("fnapi fgs delete-function exits 2 naming what to set, and sends nothing at all", async () => {
    let sent = 0;
    const counting: typeof fetch = (...args) => {
      sent++;
      return fetch(...args);
    };
    const run = await runInProcess(
      ["fgs", "delete-function", FUNCTION_URN, "--base-url", emu.url, "--project-id", PROJECT],
      { HOME: home },
      { io: { fetch: counting } },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/credentials were not given and were not found; looked in the environment/);
    expect(run.stderr).toMatch(
      /set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK; or HUAWEICLOUD_SDK_IDP_ID with HUAWEICLOUD_SDK_ID_TOKEN_FILE/,
    );
    expect(run.stderr).toMatch(
      /the ECS metadata \(not asked: this machine does not say it is a Huawei Cloud server\)/,
    );
    expect(sent).toBe(0);
    expect(emu.requests()).toEqual([]);
    // The network guard of this run (scripts/network-guard) refused nothing: nothing left loopback.
    const guard = (globalThis as Record<symbol, { refused: string[] } | undefined>)[
      Symbol.for("fnapi.networkGuard")
    ];
    expect(guard?.refused).toEqual([]);
  });

  it("the same through the built bin (guarded child process): exit 2", async () => {
    const run = await runBin(
      ["fgs", "delete-function", FUNCTION_URN, "--base-url", emu.url, "--project-id", PROJECT],
      { HOME: home },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/HUAWEICLOUD_SDK_AK/);
    expect(emu.requests()).toEqual([]);
  });
});
