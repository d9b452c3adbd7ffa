import type { DeleteResult } from "@fnapi/runtime";
import { describe, expectTypeOf, it } from "vitest";
import type { FgsClientOptions } from "./create-fgs-client.js";
import { createFgsClient } from "./index.js";

// What must not compile. Each `@ts-expect-error` stands right above the line that breaks a rule: if the rule
// stops holding (the line compiles), vitest's typecheck fails with "Unused '@ts-expect-error' directive".

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const function_urn = `urn:fss:cn-north-4:${projectId}:function:default:hello`;
const fgs = createFgsClient({ projectId, token: "MIItoken" });

describe("createFgsClient credentials: a token or keys, exactly one", () => {
  it("accepts a token, a token provider, or keys", () => {
    createFgsClient({ projectId, token: "MIItoken" });
    createFgsClient({
      projectId,
      token: async ({ signal }) => ({ token: String(signal.aborted), expiresAt: 0 }),
    });
    createFgsClient({ projectId, accessKey: "AK", secretKey: "SK" });
    createFgsClient({ projectId, accessKey: "AK", secretKey: "SK", securityToken: "ST" });
  });

  it("refuses a token together with keys", () => {
    // @ts-expect-error token and accessKey/secretKey together
    createFgsClient({ projectId, token: "MIItoken", accessKey: "AK", secretKey: "SK" });
    // @ts-expect-error token and a secret key together
    createFgsClient({ projectId, token: "MIItoken", secretKey: "SK" });
    // @ts-expect-error a security token belongs to keys, not to a token
    createFgsClient({ projectId, token: "MIItoken", securityToken: "ST" });
  });

  it("accepts no credential option (the server build asks Huawei's credential chain), refuses half a key pair", () => {
    createFgsClient();
    createFgsClient({ projectId });
    // @ts-expect-error secretKey is missing
    createFgsClient({ projectId, accessKey: "AK" });
    // @ts-expect-error accessKey is missing
    createFgsClient({ projectId, secretKey: "SK" });
  });

  it("refuses a token that is neither a string nor a provider", () => {
    // @ts-expect-error a number is not a token
    createFgsClient({ projectId, token: 42 });
  });

  it("takes the project id as a string (or from the credential chain)", () => {
    expectTypeOf<FgsClientOptions["projectId"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error a project id is a string
    createFgsClient({ projectId: 7, token: "MIItoken" });
  });
});

describe("deleteFunction", () => {
  it("returns Promise<DeleteResult>", () => {
    expectTypeOf(fgs.deleteFunction(function_urn, { missingOk: true })).toEqualTypeOf<
      Promise<DeleteResult>
    >();
  });
});

describe("client (openapi-fetch)", () => {
  it("takes the spec's path with its parameters", () => {
    fgs.client.DELETE("/v2/{project_id}/fgs/functions/{function_urn}", {
      params: { path: { project_id: projectId, function_urn } },
    });
  });

  it("refuses a path the spec does not have", () => {
    // @ts-expect-error "/v2/{project_id}/fgs/function/{function_urn}" is not a path of the spec
    fgs.client.DELETE("/v2/{project_id}/fgs/function/{function_urn}", {
      params: { path: { project_id: projectId, function_urn } },
    });
  });

  it("refuses a missing path parameter", () => {
    fgs.client.DELETE("/v2/{project_id}/fgs/functions/{function_urn}", {
      // @ts-expect-error function_urn is missing
      params: { path: { project_id: projectId } },
    });
    // @ts-expect-error the init with the path parameters is missing
    fgs.client.DELETE("/v2/{project_id}/fgs/functions/{function_urn}");
  });
});
