import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_MODULES } from "./apis/index.js";
import { startEmulator } from "./server.js";
import { bundledSpecsDir, operationsOf, readBundledSpecs } from "./spec-catalog.js";

describe("the operations served", () => {
  const specs = readBundledSpecs();

  it("has a handler for every operationId in the bundled specs", () => {
    const operations = specs.flatMap(operationsOf);
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      expect(
        API_MODULES.find((m) => m.api === op.api)?.handlers,
        `${op.api}.${op.operationId}`,
      ).toHaveProperty(op.operationId);
    }
  });

  it("reads every operation from the specs, with its rules and security requirements", () => {
    const ops = specs.flatMap(operationsOf);
    expect(ops.find((o) => o.api === "ncf" && o.operationId === "deletePackage")).toMatchObject({
      method: "DELETE",
      prefixes: ["/ncf/api/v2"],
      security: [["ncpTimestamp", "ncpAccessKey", "ncpSignature"]],
      parameters: expect.arrayContaining([
        expect.objectContaining({
          name: "platform",
          schema: expect.objectContaining({ enum: ["vpc", "classic"] }),
        }),
      ]),
    });
    expect(ops.find((o) => o.operationId === "deleteFunction")).toMatchObject({
      prefixes: [""],
      security: [["iamToken"], ["akskAuthorization", "akskDate"]],
    });
    expect(ops.find((o) => o.operationId === "createUserToken")).toMatchObject({
      api: "iam",
      method: "POST",
      prefixes: [""],
      security: [],
    });
    expect(ops.find((o) => o.api === "ncf-v3" && o.operationId === "deletePackage")).toMatchObject({
      prefixes: ["/api/v3"],
    });
    expect(
      ops
        .filter((o) => o.api !== "ncf-v3")
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(
      [
        "createUserToken",
        "deleteAction",
        "deleteFunction",
        "deletePackage",
        "getPackage",
        "listActions",
        "listFunctionVersions",
        "listFunctions",
        "listPackages",
        "listVersionAliases",
        // The keyless parties (huawei-keyless, ncp-server-role, oidc-issuer).
        "assumeAgencyWithOidc",
        "createIdToken",
        "createMetadataSessionToken",
        "createPodIdentityCredentials",
        "createTemporaryAccessKey",
        "createTokenWithIdToken",
        "getMetadataSecurityKey",
        "getServerRoleCredentials",
        "listServerRoles",
      ].sort(),
    );
  });

  it("serves an operation a spec adds without a handler as 501, in the spec's error shape", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fnapi-emulator-specs-"));
    try {
      cpSync(bundledSpecsDir(), dir, { recursive: true });
      const ncf = JSON.parse(readFileSync(join(dir, "ncf.json"), "utf8"));
      ncf.paths["/triggers/{triggerName}"] = {
        delete: {
          operationId: "deleteTrigger",
          parameters: [
            {
              name: "triggerName",
              in: "path",
              required: true,
              schema: { type: "string", pattern: "^[a-z]+$" },
            },
          ],
          responses: ncf.paths["/packages/{packageName}"].delete.responses,
        },
      };
      writeFileSync(join(dir, "ncf.json"), JSON.stringify(ncf));
      const emu = await startEmulator({ port: 0, specsDir: dir, auth: "off" });
      try {
        const r = await fetch(`${emu.url}/ncf/api/v2/triggers/abc`, { method: "DELETE" });
        expect(r.status).toBe(501);
        expect(await r.json()).toMatchObject({ error: { errorCode: "501", message: "Not Implemented" } });
        const bad = await fetch(`${emu.url}/ncf/api/v2/triggers/ABC`, { method: "DELETE" });
        expect(bad.status).toBe(400);
        expect(emu.operations().find((o) => o.operationId === "deleteTrigger")).toMatchObject({
          handled: false,
        });
      } finally {
        await emu.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
