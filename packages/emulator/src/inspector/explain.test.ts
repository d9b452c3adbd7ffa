import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../explanation.js";
import type { RequestRecord } from "../request-log.js";
import { type Emulator, startEmulator } from "../server.js";
import { FUNCTION_URN, HUAWEI, NCP, PROJECT, testSeed } from "../test-support.js";

// Why a signature was refused, in the JSON request log: each common signer mistake gets its own correct
// sentence. The requests are signed by the small signers below, written from specs/auth.md for this test
// (neither @fnapi/auth's signers nor the emulator's verifier), so a shared mistake cannot hide.

const NOW = Date.UTC(2026, 11, 7, 5, 0, 0);
const hex = (data: string) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string, data: string, encoding: "hex" | "base64") =>
  createHmac("sha256", key).update(data).digest(encoding);

/** SDK-HMAC-SHA256 as a careless signer might do it: what it signs is spelled out by the caller. */
function huaweiAuthorization(o: {
  method: string;
  canonicalUri: string;
  headers: Record<string, string>;
  secret: string;
  time: number;
}) {
  const names = Object.keys(o.headers).sort();
  const canonical = [
    o.method,
    o.canonicalUri,
    "",
    names.map((n) => `${n}:${o.headers[n]}\n`).join(""),
    names.join(";"),
    hex(""),
  ].join("\n");
  const date = new Date(o.time)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const signature = hmac(o.secret, `SDK-HMAC-SHA256\n${date}\n${hex(canonical)}`, "hex");
  return {
    date,
    signature,
    header: `SDK-HMAC-SHA256 Access=${HUAWEI.accessKey}, SignedHeaders=${names.join(";")}, Signature=${signature}`,
  };
}

describe("the explanation of a refused signature", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seed: testSeed(), clock: () => NOW });
  });
  afterAll(() => emulator.close());

  const fnPath = `/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}`;
  const encodedUri = `${fnPath.replaceAll(":", "%3A")}/`;

  async function huawei(o: {
    secret?: string;
    time?: number;
    signHost?: boolean;
    canonicalUri?: string;
  }): Promise<{ record: RequestRecord; signature: string }> {
    const host = new URL(emulator.url).host;
    const time = o.time ?? NOW;
    const date = new Date(time)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const signed: Record<string, string> = { "x-sdk-date": date, ...(o.signHost === false ? {} : { host }) };
    const auth = huaweiAuthorization({
      method: "DELETE",
      canonicalUri: o.canonicalUri ?? encodedUri,
      headers: signed,
      secret: o.secret ?? HUAWEI.secretKey,
      time,
    });
    const response = await fetch(`${emulator.url}${fnPath}`, {
      method: "DELETE",
      headers: { "X-Sdk-Date": date, Authorization: auth.header },
    });
    await response.arrayBuffer();
    return { record: emulator.requests().at(-1) as RequestRecord, signature: auth.signature };
  }

  it("tells the four common mistakes apart, each with a correct sentence, never a secret", async () => {
    const cases: [string, () => Promise<{ record: RequestRecord; signature: string }>, Problem, RegExp][] = [
      [
        "wrong secret",
        () => huawei({ secret: "not-the-secret" }),
        "wrong-secret",
        /another secret key than the one seeded for "HUAWEITESTAK"/,
      ],
      [
        "skewed clock",
        () => huawei({ time: NOW + 20 * 60_000 + 5_000 }),
        "clock-skew",
        /clock is 20 min 5 s ahead of the emulator's.*limit is 15 minutes/,
      ],
      [
        "unsigned Host",
        () => huawei({ signHost: false }),
        "unsigned-header",
        /The Host header is not signed.*add host to SignedHeaders/,
      ],
      [
        "path encoded differently",
        () => huawei({ canonicalUri: `${fnPath}/` }),
        "encoding",
        /path was signed as ".*urn:fss:.*" but the canonical URI is ".*urn%3Afss%3A.*".*RFC 3986/,
      ],
    ];
    const sentences = new Set<string>();
    for (const [name, sending, problem, sentence] of cases) {
      const { record, signature } = await sending();
      expect(record.status, name).toBe(401);
      expect(record.explanation?.problem, name).toBe(problem);
      expect(record.explanation?.sentence, name).toMatch(sentence);
      expect(record.explanation?.signature, name).toBe(`…${signature.slice(-6)}`);
      const text = JSON.stringify(record);
      expect(text, name).not.toContain(HUAWEI.secretKey);
      expect(text, name).not.toContain(signature.slice(0, 20));
      sentences.add(record.explanation?.sentence as string);
    }
    expect(sentences.size).toBe(4);
  });

  it("shows the canonical request computed beside the signer's, the first difference located", async () => {
    const { record } = await huawei({ canonicalUri: `${fnPath}/` });
    const e = record.explanation;
    expect(e?.computed?.canonicalRequest?.split("\n")[1]).toBe(encodedUri);
    expect(e?.implied?.canonicalRequest?.split("\n")[1]).toBe(`${fnPath}/`);
    expect(e?.firstDifference).toEqual({
      field: "canonicalRequest",
      line: 2,
      column: fnPath.indexOf(":") + 1,
    });
    const skew = (await huawei({ time: NOW - 3_600_000 })).record.explanation;
    expect(skew?.skewSeconds).toBe(-3600);
    expect(skew?.sentence).toMatch(/1 h behind/);
  });

  it("explains NCP signature v2: wrong secret, skew, unknown key, a target signed in another form", async () => {
    const send = async (
      target: string,
      signedTarget: string,
      o: { secret?: string; time?: number; key?: string } = {},
    ) => {
      const timestamp = String(o.time ?? NOW);
      const key = o.key ?? NCP.accessKey;
      const signature = hmac(
        o.secret ?? NCP.secretKey,
        `DELETE ${signedTarget}\n${timestamp}\n${key}`,
        "base64",
      );
      const response = await fetch(`${emulator.url}${target}`, {
        method: "DELETE",
        headers: {
          "x-ncp-apigw-timestamp": timestamp,
          "x-ncp-iam-access-key": key,
          "x-ncp-apigw-signature-v2": signature,
        },
      });
      await response.arrayBuffer();
      return emulator.requests().at(-1)?.explanation;
    };
    const target = "/ncf/api/v2/packages/empty?platform=vpc";
    expect((await send(target, target, { secret: "wrong" }))?.problem).toBe("wrong-secret");
    expect((await send(target, target, { time: NOW - 6 * 60_000 }))?.sentence).toMatch(
      /6 min behind.*limit is 5 minutes/,
    );
    expect((await send(target, target, { key: "ncp_iam_NOBODY" }))?.sentence).toMatch(
      /"ncp_iam_NOBODY" is not known/,
    );
    const encoded = await send(
      "/ncf/api/v2/packages/my%20pkg?platform=vpc",
      "/ncf/api/v2/packages/my pkg?platform=vpc",
    );
    expect(encoded?.problem).toBe("encoding");
    expect(encoded?.sentence).toMatch(
      /signed as "\/ncf\/api\/v2\/packages\/my pkg\?platform=vpc" but was sent as ".*my%20pkg/,
    );
    expect(JSON.stringify(emulator.requests())).not.toContain(NCP.secretKey);
  });

  // The class behind this case: an explanation re-deriving what the authentication decided (the inspector kept
  // its own list of keys, so a key the gateway knew from the metadata server was "not known"). The refusing
  // module now says why, from its own check: issued keys, expired ones and a mismatch with either.
  it("explains a refusal by what the authentication found: issued Server Role keys, live or expired", async () => {
    const issued = {
      accessKey: "ncp_role_LIVE",
      secretKey: "role-secret-live",
      expiresAt: "2027-01-01T00:00:00Z",
    };
    const expired = {
      accessKey: "ncp_role_OLD",
      secretKey: "role-secret-old",
      expiresAt: "2026-01-01T00:00:00Z",
    };
    const seed = testSeed();
    (seed.ncp as Record<string, unknown>).serverRole = { roleId: "role", issued: [issued, expired] };
    const roles = await startEmulator({ port: 0, seed, clock: () => NOW });
    try {
      const send = async (key: typeof issued, target: string, signedTarget: string) => {
        const timestamp = String(NOW);
        const signature = hmac(
          key.secretKey,
          `DELETE ${signedTarget}\n${timestamp}\n${key.accessKey}`,
          "base64",
        );
        const response = await fetch(`${roles.url}${target}`, {
          method: "DELETE",
          headers: {
            "x-ncp-apigw-timestamp": timestamp,
            "x-ncp-iam-access-key": key.accessKey,
            "x-ncp-apigw-signature-v2": signature,
          },
        });
        await response.arrayBuffer();
        return { status: response.status, explanation: roles.requests().at(-1)?.explanation };
      };
      const encoded = await send(
        issued,
        "/ncf/api/v2/packages/my%20pkg?platform=vpc",
        "/ncf/api/v2/packages/my pkg?platform=vpc",
      );
      expect(encoded.status).toBe(401);
      expect(encoded.explanation?.problem).toBe("encoding");
      const target = "/ncf/api/v2/packages/empty?platform=vpc";
      const old = await send(expired, target, target);
      expect(old.status).toBe(401);
      expect(old.explanation?.problem).toBe("expired-credential");
      expect(old.explanation?.sentence).toMatch(/"ncp_role_OLD" has expired/);
      const wrong = await send({ ...issued, secretKey: "not-it" }, target, target);
      expect(wrong.explanation?.problem).toBe("wrong-secret");
      const log = JSON.stringify(roles.requests());
      for (const secret of [issued.secretKey, expired.secretKey]) expect(log).not.toContain(secret);
    } finally {
      await roles.close();
    }
  });
});
