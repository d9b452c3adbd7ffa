import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findHuaweiCredentials, findHuaweiProjectId, findNcpCredentials } from "./credential-chain.js";

function home(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "fnapi-home-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("NCP credential chain", () => {
  it("takes the environment first, either variable name", () => {
    expect(
      findNcpCredentials({ env: { NCLOUD_ACCESS_KEY_ID: "AK", NCLOUD_SECRET_KEY: "SK" }, home: home() }),
    ).toEqual({
      accessKey: "AK",
      secretKey: "SK",
      source: "environment",
    });
    expect(
      findNcpCredentials({
        env: { NCLOUD_ACCESS_KEY: "AK2", NCLOUD_SECRET_ACCESS_KEY: "SK2" },
        home: home(),
      }),
    ).toMatchObject({
      accessKey: "AK2",
      secretKey: "SK2",
    });
  });

  it("then ~/.ncloud/configure, [DEFAULT] or the profile in NCLOUD_PROFILE", () => {
    const dir = home({
      ".ncloud/configure":
        "[DEFAULT]\nncloud_access_key_id = fileAK\nncloud_secret_access_key = fileSK\n\n[prod]\n; comment\nncloud_access_key_id=prodAK\nncloud_secret_access_key=prodSK\n",
    });
    expect(findNcpCredentials({ env: {}, home: dir })).toMatchObject({
      accessKey: "fileAK",
      secretKey: "fileSK",
    });
    expect(findNcpCredentials({ env: { NCLOUD_PROFILE: "prod" }, home: dir })).toMatchObject({
      accessKey: "prodAK",
      source: expect.stringContaining("[prod]"),
    });
  });

  it("says where it looked, never what it found", () => {
    const dir = home({ ".ncloud/configure": "[DEFAULT]\nncloud_access_key_id = halfAK-SECRETISH\n" });
    let message = "";
    try {
      findNcpCredentials({ env: { NCLOUD_ACCESS_KEY_ID: "envAK-SECRETISH" }, home: dir });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/NCLOUD_SECRET_ACCESS_KEY or NCLOUD_SECRET_KEY is missing/);
    expect(message).toMatch(
      /configure \[DEFAULT\] \(ncloud_access_key_id and ncloud_secret_access_key are not both set\)/,
    );
    expect(message).not.toContain("SECRETISH");
    expect(() => findNcpCredentials({ env: {}, home: home() })).toThrow(
      /configure \[DEFAULT\] \(not found\)/,
    );
  });
});

describe("Huawei credential chain", () => {
  it("takes HUAWEICLOUD_SDK_* first, with the security token and project id", () => {
    const env = {
      HUAWEICLOUD_SDK_AK: "AK",
      HUAWEICLOUD_SDK_SK: "SK",
      HUAWEICLOUD_SDK_SECURITY_TOKEN: "ST",
      HUAWEICLOUD_SDK_PROJECT_ID: "7aad83af3e8d42e99ac194e8419e2c9b",
    };
    expect(findHuaweiCredentials({ env, home: home() })).toEqual({
      accessKey: "AK",
      secretKey: "SK",
      securityToken: "ST",
      projectId: "7aad83af3e8d42e99ac194e8419e2c9b",
      source: "environment",
    });
  });

  it("then ~/.huaweicloud/credentials [basic], or HUAWEICLOUD_SDK_CREDENTIALS_FILE", () => {
    const text =
      "[basic]\nak = fileAK\nsk = fileSK\nproject_id = 0123456789abcdef0123456789abcdef\n[global]\nak = g\nsk = g\n";
    expect(
      findHuaweiCredentials({ env: {}, home: home({ ".huaweicloud/credentials": text }) }),
    ).toMatchObject({
      accessKey: "fileAK",
      projectId: "0123456789abcdef0123456789abcdef",
    });
    const elsewhere = join(home({ "custom.ini": text.replace("fileAK", "customAK") }), "custom.ini");
    expect(
      findHuaweiCredentials({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: elsewhere }, home: home() }),
    ).toMatchObject({
      accessKey: "customAK",
      source: `${elsewhere} [basic]`,
    });
    expect(findHuaweiProjectId({ env: {}, home: home({ ".huaweicloud/credentials": text }) })).toBe(
      "0123456789abcdef0123456789abcdef",
    );
  });

  it("says where it looked, never what it found", () => {
    const message = (() => {
      try {
        findHuaweiCredentials({ env: { HUAWEICLOUD_SDK_SK: "envSK-SECRETISH" }, home: home() });
      } catch (error) {
        return String(error);
      }
    })();
    expect(message).toMatch(/only HUAWEICLOUD_SDK_SK is set/);
    expect(message).toMatch(/credentials \(not found\)/);
    expect(message).not.toContain("SECRETISH");
  });
});
