import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, NCP, startHarness } from "../test/harness.js";

// fnapi emulator requests --failed: the command reads a running emulator's log and prints, under a refused
// signature, the inspector's sentence (the same text as the JSON log's); never a secret.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A request signed with the wrong secret (the signature computed here, not by @fnapi/auth). */
async function wrongSecret(): Promise<void> {
  const target = "/ncf/api/v2/packages/empty?platform=vpc";
  const timestamp = String(Date.now());
  const signature = createHmac("sha256", "not-the-secret")
    .update(`DELETE ${target}\n${timestamp}\n${NCP.accessKey}`)
    .digest("base64");
  const response = await fetch(`${h.emu.url}${target}`, {
    method: "DELETE",
    headers: {
      "x-ncp-apigw-timestamp": timestamp,
      "x-ncp-iam-access-key": NCP.accessKey,
      "x-ncp-apigw-signature-v2": signature,
    },
  });
  await response.arrayBuffer();
}

describe("fnapi emulator requests", () => {
  it("--failed prints each failure with the explanation of a refused signature", async () => {
    await wrongSecret();
    const sentence = h.emu.requests().at(-1)?.explanation?.sentence as string;
    expect(sentence).toMatch(/another secret key/);
    const run = await h.fnapi(["emulator", "requests", "--failed", "--base-url", h.emu.url]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("DELETE /ncf/api/v2/packages/empty?platform=vpc 401 200 deletePackage");
    expect(run.stdout).toContain(`  why: ${sentence}`);
    expect(run.stdout).not.toContain(NCP.secretKey);
    const asJson = await h.fnapi(["emulator", "requests", "--failed", "--json", "--base-url", h.emu.url]);
    expect(
      (asJson.json() as { requests: { explanation?: { problem: string } }[] }).requests.at(-1)?.explanation
        ?.problem,
    ).toBe("wrong-secret");
  });
});
