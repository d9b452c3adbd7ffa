import { describe, expect, it } from "vitest";
import { huaweiAkSkAuth } from "../huawei-aksk-auth.js";
import { ncpSignatureV2Auth } from "../ncp-signature-v2-auth.js";
import { NCP_RENEWAL } from "./renewal-rule.js";
import { renewingCredentials } from "./renewing-credentials.js";

// The scheme of renewing credentials (@fnapi/auth/credentials) over the main entry's fixed-keys schemes: each
// attempt signs with the current keys, their secrets are redacted from its answer, and a 401 renews them once.

const NOW = Date.parse("2030-01-01T00:00:00Z");
const request = (url = "https://example.com/v2/x") =>
  new Request(url, { method: "DELETE" }) as unknown as Parameters<
    ReturnType<typeof huaweiAkSkAuth>["authorize"]
  >[0];

function issuer() {
  let n = 0;
  const provider = async () => {
    n++;
    return {
      accessKey: `TEMPAK00000${n}`,
      secretKey: `temporary-secret-${n}`,
      securityToken: `security-token-${n}`,
      expiresAt: NOW + 3_600_000,
    };
  };
  return { provider, calls: () => n };
}

describe.each([
  [
    "huawei-sdk-hmac-sha256",
    (k: Parameters<typeof huaweiAkSkAuth>[0]) => huaweiAkSkAuth(k, { clock: () => NOW }),
  ],
  [
    "ncp-signature-v2",
    (k: Parameters<typeof ncpSignatureV2Auth>[0]) => ncpSignatureV2Auth(k, { clock: () => NOW }),
  ],
] as const)("renewing credentials through %s", (name, make) => {
  it("signs with the current keys, redacts their secrets, and renews once after a 401 that blames them", async () => {
    const { provider, calls } = issuer();
    const scheme = renewingCredentials(provider, { renewal: NCP_RENEWAL, clock: () => NOW }).auth(make);
    const first = request();
    await scheme.authorize(first);
    expect(scheme.name).toBe(name);
    expect(scheme.secrets(first)).toEqual(expect.arrayContaining(["temporary-secret-1"]));
    const unauthorized = new Response(null, { status: 401 });
    // A burst of 401s for the same keys: one renewal.
    expect(scheme.onUnauthorized?.(unauthorized, first)).toBe(true);
    expect(scheme.onUnauthorized?.(unauthorized, first)).toBe(true);
    const second = request();
    await Promise.all([scheme.authorize(second), scheme.authorize(request())]);
    expect(calls()).toBe(2);
    expect(scheme.secrets(second)).toEqual(expect.arrayContaining(["temporary-secret-2"]));
    expect(scheme.secrets(second)).not.toContain("temporary-secret-1");
    expect(scheme.secrets(request())).toEqual([]);
  });
});
