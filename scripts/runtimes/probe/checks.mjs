// What the runtime matrix runs inside each runtime (Node 20/22/24, Deno, Bun, workerd), through the build that
// runtime resolves. Runtime-neutral on purpose: it uses only the modules it is given, `fetch` (inside the
// clients) and standard JavaScript, so the same file runs in the server runtimes and bundled into a worker.
// It reports what it computed and saw; the harness (scripts/runtimes/matrix.mjs, in Node) judges it.

/** The emulator's seed and the credentials the probes sign with (fakes: the emulator is the only cloud). */
export const NCP = { accessKey: "ncp_iam_MATRIXKEY", secretKey: "ncp-matrix-secret" };
export const HUAWEI = { accessKey: "MATRIXHUAWEIAK", secretKey: "huawei-matrix-sk" };
export const TOKEN = "MIImatrixseedtoken";
export const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const urn = (name) => `urn:fss:cn-north-4:${PROJECT}:function:default:${name}`;

/**
 * How the clients are made, one set of resources each: `default` is what a user gets with no `crypto` option
 * (node:crypto and the credential chain in the server build, Web Crypto and explicit keys in the web build);
 * `webCrypto` passes the Web Crypto implementation explicitly (server runtimes only, where it differs).
 */
export const VARIANTS = ["default", "webCrypto"];
const names = (variant) => ({
  package: `matrix-${variant}`,
  akskFunction: urn(`aksk-${variant.toLowerCase()}`),
  tokenFunction: urn(`token-${variant.toLowerCase()}`),
});

export function matrixSeed() {
  return {
    ncp: {
      credentials: [NCP],
      packages: VARIANTS.map((v) => ({ name: names(v).package, platform: "vpc", actions: [] })),
    },
    huawei: {
      credentials: [HUAWEI],
      tokens: [{ token: TOKEN, expiresAt: "2100-01-01T00:00:00Z", projectId: PROJECT }],
      functions: VARIANTS.flatMap((v) => [{ urn: names(v).akskFunction }, { urn: names(v).tokenFunction }]),
    },
  };
}

/** Environment variables of the vendors' credential chains (read by the server build only). */
export const CREDENTIAL_ENV = {
  NCLOUD_ACCESS_KEY_ID: NCP.accessKey,
  NCLOUD_SECRET_KEY: NCP.secretKey,
  HUAWEICLOUD_SDK_AK: HUAWEI.accessKey,
  HUAWEICLOUD_SDK_SK: HUAWEI.secretKey,
  HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
};

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const printableAscii = /^[\x20-\x7e]+$/;

/**
 * The strings the test vectors expect, keyed `<vector id>/<step>`: what `signingOutputs` must produce, byte
 * for byte, with every crypto implementation.
 */
export function expectedOutputs({ ncp, huawei }) {
  const out = {};
  for (const v of ncp) {
    out[`${v.id}/stringToSign`] = v.intermediate.stringToSign;
    out[`${v.id}/signature`] = v.expected.headers["x-ncp-apigw-signature-v2"];
    if (printableAscii.test(v.input.credentials.secretKey)) {
      for (const [name, value] of Object.entries(v.expected.headers)) out[`${v.id}/signer/${name}`] = value;
    }
  }
  for (const v of huawei) {
    // The canonicalisation steps are internal to @fnapi/auth (its own tests check each); here they show
    // through the canonical request.
    for (const step of [
      "signedHeaders",
      "bodySha256",
      "canonicalRequest",
      "canonicalRequestSha256",
      "stringToSign",
    ]) {
      out[`${v.id}/${step}`] = v.intermediate[step];
    }
    out[`${v.id}/signature`] = v.expected.signature;
    out[`${v.id}/authorization`] = v.expected.headers.Authorization;
    if (hasHost(v)) {
      for (const [name, value] of Object.entries(v.expected.headers)) out[`${v.id}/signer/${name}`] = value;
    }
  }
  return out;
}

const hasHost = (v) => Object.keys(v.input.headers).some((h) => h.toLowerCase() === "host");

/** Every vector through the pure functions and the request signers of `auth`, signing with `crypto`. */
export async function signingOutputs(auth, crypto, { ncp, huawei }) {
  const out = {};
  for (const v of ncp) {
    const { method, url, credentials, timestamp } = v.input;
    // the request target (path and query as sent) is internal to @fnapi/auth; the signer below derives it
    const stringToSign = auth.ncpStringToSign(
      method,
      v.intermediate.requestTarget,
      timestamp,
      credentials.accessKey,
    );
    out[`${v.id}/stringToSign`] = stringToSign;
    out[`${v.id}/signature`] = await auth.ncpSignature(credentials.secretKey, stringToSign, crypto);
    // The signer refuses keys that are not printable ASCII (a paste error), as in the package's own tests.
    if (printableAscii.test(credentials.secretKey)) {
      const signer = auth.createNcpSigner(credentials, { clock: () => Number(timestamp), crypto });
      for (const [name, value] of Object.entries(await signer.headersFor(method, url)))
        out[`${v.id}/signer/${name}`] = value;
    }
  }
  for (const v of huawei) {
    const { method, url, credentials, time } = v.input;
    const headers = { ...v.input.headers, "X-Sdk-Date": time };
    if (credentials.securityToken) headers["X-Security-Token"] = credentials.securityToken;
    out[`${v.id}/bodySha256`] = hex(await crypto.sha256(""));
    const signed = await auth.huaweiSign(credentials, { method, url, headers }, crypto);
    out[`${v.id}/signedHeaders`] = signed.signedHeaders;
    out[`${v.id}/canonicalRequest`] = signed.canonicalRequest;
    out[`${v.id}/canonicalRequestSha256`] = signed.canonicalRequestSha256;
    out[`${v.id}/stringToSign`] = signed.stringToSign;
    out[`${v.id}/signature`] = signed.signature;
    out[`${v.id}/authorization`] = signed.authorization;
    // The request signer adds Host from the URL itself, so only vectors that sign Host run through it.
    if (hasHost(v)) {
      const unsent = Object.fromEntries(
        Object.entries(v.input.headers).filter(([h]) => h.toLowerCase() !== "host"),
      );
      const request = new Request(url, { method, headers: unsent });
      const signer = auth.createHuaweiSigner(credentials, {
        clock: () => auth.parseHuaweiSdkDate(time),
        crypto,
      });
      await signer.sign(request);
      for (const name of Object.keys(v.expected.headers))
        out[`${v.id}/signer/${name}`] = request.headers.get(name);
    }
  }
  return out;
}

/** A call, and the same call again: the statuses each attempt got, and what the second one threw. */
async function deleteTwice(call, ErrorClass, ApiError) {
  const attempts = [];
  const logger = (entry) => attempts.push(entry.status ?? entry.error);
  const outcome = async () => {
    attempts.length = 0;
    try {
      await call(logger);
      return { outcome: "resolved", statuses: [...attempts] };
    } catch (error) {
      return {
        outcome: "rejected",
        statuses: [...attempts],
        error: {
          name: error?.name,
          status: error?.status,
          code: error?.code,
          typed: error instanceof ErrorClass,
          isApiError: error instanceof ApiError,
          message: String(error?.message).slice(0, 300),
        },
      };
    }
  };
  return { first: await outcome(), second: await outcome() };
}

/** What the client constructors do without any credential option (server build: the chain; web: refuse). */
function withoutCredentials(create) {
  try {
    create();
    return { outcome: "created" };
  } catch (error) {
    return { outcome: "threw", name: error?.name, field: error?.field, message: String(error?.message) };
  }
}

/**
 * A delete through each client (NCP signature v2, FunctionGraph AK/SK, FunctionGraph token) against the
 * emulator, for each variant. `server` says whether this is the server build (credentials from the
 * environment in the `default` variant).
 */
export async function deletes({ auth, ncf, fgs, emulatorUrl, server }) {
  const once = { maxAttempts: 1 };
  const ncfBase = `${emulatorUrl}/ncf/api/v2`;
  const results = {};
  for (const variant of server ? VARIANTS : ["default"]) {
    const n = names(variant);
    // default on a server: no credential option at all, so the credential chain (environment) is asked.
    const ncpAuth = variant === "default" && server ? {} : { ...NCP };
    const huaweiAuth = variant === "default" && server ? {} : { ...HUAWEI, projectId: PROJECT };
    const crypto = variant === "webCrypto" ? { crypto: auth.webCrypto } : {};
    results[variant] = {
      ncf: await deleteTwice(
        (logger) =>
          ncf
            .createNcfClient({ ...ncpAuth, ...crypto, ...once, baseUrl: ncfBase, logger })
            .deletePackage(n.package),
        ncf.NcfApiError,
        ncf.ApiError,
      ),
      fgsAkSk: await deleteTwice(
        (logger) =>
          fgs
            .createFgsClient({ ...huaweiAuth, ...crypto, ...once, baseUrl: emulatorUrl, logger })
            .deleteFunction(n.akskFunction),
        fgs.FgsApiError,
        fgs.ApiError,
      ),
      fgsToken: await deleteTwice(
        (logger) =>
          fgs
            .createFgsClient({ token: TOKEN, projectId: PROJECT, ...once, baseUrl: emulatorUrl, logger })
            .deleteFunction(n.tokenFunction),
        fgs.FgsApiError,
        fgs.ApiError,
      ),
    };
  }
  return results;
}

/**
 * Everything a runtime reports: the vectors through each crypto implementation it has, the deletes, and what
 * the constructors do without credentials.
 */
export async function runChecks({ auth, ncf, fgs, vectors, emulatorUrl, server }) {
  const started = Date.now();
  const cryptos = { webCrypto: auth.webCrypto };
  if (server) cryptos.nodeCrypto = auth.nodeCrypto;
  const signing = {};
  for (const [name, crypto] of Object.entries(cryptos))
    signing[name] = await signingOutputs(auth, crypto, vectors);
  return {
    signing,
    deletes: await deletes({ auth, ncf, fgs, emulatorUrl, server }),
    withoutCredentials: {
      ncf: withoutCredentials(() => ncf.createNcfClient({ baseUrl: `${emulatorUrl}/ncf/api/v2` })),
      fgs: withoutCredentials(() => fgs.createFgsClient({ projectId: PROJECT, baseUrl: emulatorUrl })),
    },
    hasWebCrypto: typeof globalThis.crypto?.subtle?.sign === "function",
    durationMs: Date.now() - started,
  };
}
