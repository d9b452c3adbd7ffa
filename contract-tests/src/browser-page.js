// Runs inside Chromium (served by browser.test.ts, never transpiled): the built ESM files of @fnapi/auth,
// @fnapi/ncf-client, @fnapi/fgs-client and openapi-fetch, loaded through an import map, sign with the browser's
// Web Crypto and delete through both clients against the Prism mocks (cross-origin, so through CORS).
// Returns plain data; the test asserts on it in Node.
import * as auth from "@fnapi/auth";
import { createFgsClient, FgsApiError, formatFunctionUrn } from "@fnapi/fgs-client";
import { ApiError, createNcfClient, NcfApiError, ValidationError } from "@fnapi/ncf-client";

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";

/** A fetch that adds Prism's `Prefer` header after signing (it is not part of the API) and records the exchange. */
function recordingFetch(exchanges, prefer) {
  return async (input, init) => {
    const request = new Request(input, init);
    if (prefer) request.headers.set("Prefer", prefer);
    const response = await window.fetch(request);
    exchanges.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      status: response.status,
      violations: response.headers.get("sl-violations"),
    });
    return response;
  };
}

/** Runs one client call; returns what happened as data. */
async function attempt(call) {
  const exchanges = [];
  try {
    const value = await call((prefer) => recordingFetch(exchanges, prefer));
    return { outcome: "resolved", value: value ?? null, exchanges };
  } catch (error) {
    return {
      outcome: "rejected",
      exchanges,
      error: {
        name: error?.name,
        message: String(error?.message),
        status: error?.status,
        code: error?.code,
        field: error?.field,
        isApiError: error instanceof ApiError,
        isNcfApiError: error instanceof NcfApiError,
        isFgsApiError: error instanceof FgsApiError,
        isValidationError: error instanceof ValidationError,
      },
    };
  }
}

async function vectors({ ncp, huawei }) {
  const results = [];
  for (const v of ncp) {
    const { method, credentials, timestamp } = v.input;
    // the request target (path and query as sent) is internal to @fnapi/auth (its own tests derive it); the
    // deletes below sign through the clients' signers
    const stringToSign = auth.ncpStringToSign(
      method,
      v.intermediate.requestTarget,
      timestamp,
      credentials.accessKey,
    );
    const got = { stringToSign, signature: await auth.ncpSignature(credentials.secretKey, stringToSign) };
    const expected = {
      stringToSign: v.intermediate.stringToSign,
      signature: v.expected.headers["x-ncp-apigw-signature-v2"],
    };
    results.push({ id: v.id, got, expected });
  }
  for (const v of huawei) {
    const headers = { ...v.input.headers, "X-Sdk-Date": v.input.time };
    if (v.input.credentials.securityToken) headers["X-Security-Token"] = v.input.credentials.securityToken;
    const signed = await auth.huaweiSign(v.input.credentials, {
      method: v.input.method,
      url: v.input.url,
      headers,
    });
    results.push({
      id: v.id,
      got: { canonicalRequest: signed.canonicalRequest, signature: signed.signature },
      expected: { canonicalRequest: v.intermediate.canonicalRequest, signature: v.expected.signature },
    });
  }
  return results;
}

export async function run({ ncfUrl, fgsUrl, testVectors }) {
  const ncf = (fetch) =>
    createNcfClient({
      accessKey: "ncp_iam_EXAMPLEKEY",
      secretKey: "EXAMPLESECRET",
      baseUrl: ncfUrl,
      fetch,
      maxAttempts: 1,
    });
  const fgsToken = (fetch) =>
    createFgsClient({ projectId, token: "MIIexampletoken", baseUrl: fgsUrl, fetch, maxAttempts: 1 });
  const fgsAkSk = (fetch) =>
    createFgsClient({
      projectId,
      accessKey: "QTWAOYTTINDUT2QVKYUC",
      secretKey: "MFyfvK41ba2giq",
      baseUrl: fgsUrl,
      fetch,
      maxAttempts: 1,
    });
  const urn = formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello", version: "v1" });

  return {
    environment: {
      userAgent: navigator.userAgent,
      secureContext: window.isSecureContext,
      webCrypto: typeof crypto?.subtle?.sign === "function",
      origin: location.origin,
    },
    vectors: await vectors(testVectors),
    ncf: {
      deleted: await attempt((f) => ncf(f("code=204")).deletePackage("package001", { platform: "vpc" })),
      notFound: await attempt((f) => ncf(f("code=404")).deletePackage("package001")),
      invalid: await attempt((f) => ncf(f()).deletePackage("-bad name")),
    },
    fgs: {
      deletedWithToken: await attempt((f) => fgsToken(f("code=204")).deleteFunction(urn)),
      deletedWithAkSk: await attempt((f) => fgsAkSk(f("code=204")).deleteFunction(urn)),
      notFound: await attempt((f) => fgsAkSk(f("code=404")).deleteFunction(urn)),
    },
  };
}
