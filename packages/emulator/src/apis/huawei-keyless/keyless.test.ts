import { huaweiEcsMetadataCredentials, ncpServerRoleCredentials } from "@fnapi/auth/server";
import { createFgsClient } from "@fnapi/fgs-client";
import { createNcfClient } from "@fnapi/ncf-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator-types.js";
import type { Seed } from "../../seed.js";
import { startEmulator } from "../../server.js";
import { FUNCTION_URN, PROJECT, testSeed } from "../../test-support.js";
import type { KeylessSeed } from "./state.js";

// The keyless parties end to end on loopback: the clients renew through the emulator's metadata, and the
// gateways refuse an issued key once it expires (the vendor's 401), which the clients repair with one renewal.

let emu: Emulator;
const seed = (): Seed => {
  const base = testSeed();
  return {
    ...base,
    ncp: { ...base.ncp, serverRole: { roleId: "fnapi-role", lifetimeSeconds: 3600 } },
    huawei: { ...base.huawei, keyless: { lifetimeSeconds: 3600, metadata: { agency: "ecs-agency" } } },
  } as Seed;
};
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: seed() });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const count = (operation: string) => emu.requests().filter((r) => r.operation === operation).length;
const keyless = () => (emu.state().huawei as unknown as { keyless: KeylessSeed }).keyless;

/** Moves every issued key's expiry into the past (as the seed's lifetime would, later). */
function expireIssuedKeys() {
  const state = emu.state() as unknown as {
    huawei: { keyless: KeylessSeed };
    ncp: { serverRole: { issued: { expiresAt: string }[] } };
  };
  for (const key of state.huawei.keyless.issued) key.expiresAt = "2020-01-01T00:00:00.000Z";
  for (const key of state.ncp.serverRole.issued) key.expiresAt = "2020-01-01T00:00:00.000Z";
  emu.setState(state as unknown as Seed);
}

describe("Huawei ECS metadata → FunctionGraph", () => {
  const client = () =>
    createFgsClient({
      projectId: PROJECT,
      baseUrl: emu.url,
      credentials: huaweiEcsMetadataCredentials({ endpoint: emu.url }),
    });

  it("50 concurrent calls on a cold provider cause one credential request", async () => {
    const fgs = client();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => fgs.deleteFunction(`${FUNCTION_URN}:v1`, { missingOk: true })),
    );
    expect(results.filter((r) => !r.alreadyGone)).toHaveLength(1);
    expect(count("getMetadataSecurityKey")).toBe(1);
    expect(count("createMetadataSessionToken")).toBe(1);
  });

  it("a 401 for an expired key causes one renewal, and the call succeeds", async () => {
    const fgs = client();
    await fgs.deleteFunction(`${FUNCTION_URN}:v1`);
    expireIssuedKeys();
    const result = await fgs.deleteFunction(`${FUNCTION_URN}:v2`);
    expect(result).toMatchObject({ alreadyGone: false, attempts: 2 });
    expect(count("getMetadataSecurityKey")).toBe(2);
    const refused = emu.requests().filter((r) => r.status === 401);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.code).toBe("APIGW.0301");
    expect(keyless().issued.filter((k) => Date.parse(k.expiresAt) > Date.now())).toHaveLength(1);
  });

  it("the metadata answers 404 when no agency is bound: a CredentialsError naming where it looked", async () => {
    const state = emu.state() as unknown as { huawei: { keyless: KeylessSeed } };
    delete state.huawei.keyless.metadata;
    emu.setState(state as unknown as Seed);
    const error = await client()
      .deleteFunction(FUNCTION_URN)
      .catch((e: Error) => e);
    expect(error).toMatchObject({ name: "CredentialsError", status: 404 });
    expect(String(error)).toMatch(
      /huawei-ecs-metadata: GET http:\/\/127\.0\.0\.1:\d+\/openstack\/latest\/securitykey answered 404/,
    );
  });
});

describe("NAVER Server Role → NCF", () => {
  it("renews once after the gateway refuses an expired key", async () => {
    const ncf = createNcfClient({
      baseUrl: `${emu.url}/ncf/api/v2`,
      credentials: ncpServerRoleCredentials({ endpoint: emu.url }),
    });
    await ncf.deleteAction("package001", "hello");
    expireIssuedKeys();
    const result = await ncf.deleteAction("package001", "world");
    expect(result).toMatchObject({ alreadyGone: false, attempts: 2 });
    expect(count("getServerRoleCredentials")).toBe(2);
    expect(count("listServerRoles")).toBe(2);
  });
});
