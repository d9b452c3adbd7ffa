// Shared by the tests (not part of the build): a seed, and requests signed by @fnapi/auth's signers, which
// are a second implementation the emulator's verifier is checked against.
import { huaweiSdkDate, huaweiSign, ncpSignature, ncpStringToSign } from "@fnapi/auth";
import type { Seed } from "./seed.js";

export const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
export const OTHER_PROJECT = "0123456789abcdef0123456789abcdef";
export const FUNCTION_URN = `urn:fss:cn-north-4:${PROJECT}:function:default:hello`;
export const NCP = { accessKey: "ncp_iam_TESTKEY", secretKey: "ncp-test-secret" };
export const NCP_DENIED = { accessKey: "ncp_iam_DENIED", secretKey: "ncp-denied-secret" };
export const HUAWEI = { accessKey: "HUAWEITESTAK", secretKey: "huawei-test-sk" };
export const HUAWEI_TEMPORARY = {
  accessKey: "HUAWEITEMPAK",
  secretKey: "huawei-temp-sk",
  securityToken: "temporary-token-value",
};
export const TOKEN = "MIIseedtoken";
export const EXPIRED_TOKEN = "MIIexpiredtoken";

export function testSeed(): Seed {
  return {
    ncp: {
      credentials: [NCP, { ...NCP_DENIED, deny: ["deletePackage", "deleteAction"] }],
      packages: [
        { name: "package001", platform: "vpc", actions: ["hello", "world"] },
        { name: "empty", platform: "vpc", actions: [] },
        { name: "old", platform: "classic", actions: [] },
        { name: "-", platform: "vpc", actions: [{ name: "loose", runtime: "python:3.11" }] },
      ],
    },
    huawei: {
      credentials: [HUAWEI, HUAWEI_TEMPORARY],
      tokens: [
        { token: TOKEN, expiresAt: "2100-01-01T00:00:00Z" },
        { token: EXPIRED_TOKEN, expiresAt: "2020-01-01T00:00:00Z" },
      ],
      users: [{ domain: "example-domain", name: "alice", password: "alice-password" }],
      functions: [
        {
          urn: FUNCTION_URN,
          versions: ["v1", "v2", "v3"],
          aliases: { prod: "v1", beta: "v2", dev: "latest" },
        },
        { urn: `urn:fss:cn-north-4:${PROJECT}:function:default:other` },
      ],
    },
  };
}

export async function ncpSigned(
  url: string,
  method = "DELETE",
  credentials = NCP,
  timestamp = String(Date.now()),
): Promise<RequestInit & { headers: Record<string, string> }> {
  const u = new URL(url);
  const stringToSign = ncpStringToSign(method, `${u.pathname}${u.search}`, timestamp, credentials.accessKey);
  return {
    method,
    headers: {
      "x-ncp-apigw-timestamp": timestamp,
      "x-ncp-iam-access-key": credentials.accessKey,
      "x-ncp-apigw-signature-v2": await ncpSignature(credentials.secretKey, stringToSign),
    },
  };
}

export async function huaweiSigned(
  url: string,
  {
    method = "DELETE",
    credentials = HUAWEI as { accessKey: string; secretKey: string; securityToken?: string },
    time = Date.now(),
    headers = {} as Record<string, string>,
    projectId = PROJECT as string | undefined,
  } = {},
): Promise<RequestInit & { headers: Record<string, string> }> {
  const u = new URL(url);
  const toSign: Record<string, string> = {
    "Content-Type": "application/json",
    Host: u.host,
    "X-Sdk-Date": huaweiSdkDate(time),
    ...(projectId ? { "X-Project-Id": projectId } : {}),
    ...(credentials.securityToken ? { "X-Security-Token": credentials.securityToken } : {}),
    ...headers,
  };
  const signature = await huaweiSign(credentials, { method, url: u, headers: toSign });
  const { Host: _host, ...sent } = toSign;
  return { method, headers: { ...sent, Authorization: signature.authorization } };
}

export async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}
