import { expect, it } from "vitest";
import { huaweiSign } from "./huawei-sdk-hmac-sha256.js";

it("guide", async () => {
  const s = await huaweiSign(
    { accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" },
    {
      method: "GET",
      url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
      headers: {
        "Content-Type": "application/json",
        "X-Sdk-Date": "20191115T033655Z",
        host: "service.region.example.com",
      },
    },
  );
  expect(s.canonicalRequestSha256).toBe("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a");
  expect(s.authorization).toBe(
    "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
  );
  const g = await huaweiSign(
    { accessKey: "AccessKey", secretKey: "SecretKey" },
    {
      method: "GET",
      url: "https://example.huaweicloud.com/path?limit=1",
      headers: { "X-Sdk-Date": "20060102T150405Z" },
    },
  );
  expect(g.authorization).toBe(
    "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
  );
});
