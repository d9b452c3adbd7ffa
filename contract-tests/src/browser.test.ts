import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  browserModules,
  chromiumPath,
  chromiumUnavailable,
  CHROMIUM_FLAGS as FLAGS,
  pageHtml,
} from "./browser-support.js";
import { specsDir } from "./prism.js";

// The built ESM clients in a real browser: Debian's Chromium, driven by playwright-core, loads the dist files of
// @fnapi/auth, @fnapi/ncf-client, @fnapi/fgs-client and openapi-fetch through an import map from a loopback
// server, signs with Web Crypto (the language-neutral test vectors) and deletes through both clients against the
// Prism mocks, which are another origin: every request goes through a real CORS preflight.
// Without Chromium the test is skipped with the reason, unless CI is set: then it fails.

declare global {
  interface Window {
    fnapiRun?: (config: unknown) => Promise<BrowserResults>;
  }
}

interface Exchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  status: number;
  violations: string | null;
}
interface Attempt {
  outcome: "resolved" | "rejected";
  exchanges: Exchange[];
  error?: {
    name: string;
    message: string;
    status?: number;
    code?: string;
    field?: string;
    isApiError: boolean;
    isNcfApiError: boolean;
    isFgsApiError: boolean;
    isValidationError: boolean;
  };
}
interface BrowserResults {
  environment: { userAgent: string; secureContext: boolean; webCrypto: boolean; origin: string };
  vectors: { id: string; got: Record<string, string>; expected: Record<string, string> }[];
  ncf: { deleted: Attempt; notFound: Attempt; invalid: Attempt };
  fgs: { deletedWithToken: Attempt; deletedWithAkSk: Attempt; notFound: Attempt };
}

const missing = chromiumUnavailable();
if (missing) {
  if (process.env.CI && process.env.CI !== "false" && process.env.CI !== "0") {
    describe("built ESM clients in Chromium", () => {
      it("needs Chromium, and CI is set", () => {
        throw new Error(
          `${missing} (.ci/run installs it: apt-get install -y --no-install-recommends chromium)`,
        );
      });
    });
  } else {
    console.warn(`[browser.test] skipped: ${missing}`);
  }
}

describe.skipIf(missing !== undefined)(`built ESM clients in Chromium (${chromiumPath})`, () => {
  const ncfUrl = inject("ncfMockUrl");
  const fgsUrl = inject("fgsMockUrl");
  let server: Server;
  let origin: string;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const offline: string[] = [];

  beforeAll(async () => {
    const modules = browserModules();
    const files = new Map<string, { type: string; body: Buffer | string }>([
      ["/", { type: "text/html; charset=utf-8", body: pageHtml(modules) }],
      ...modules.map(
        (m) => [m.url, { type: "text/javascript; charset=utf-8", body: readFileSync(m.file) }] as const,
      ),
      [
        "/reference/ncf.html",
        { type: "text/html; charset=utf-8", body: readFileSync(join(specsDir, "dist", "ncf.html")) },
      ],
      [
        "/reference/redoc.standalone.js", // the renderer the reference pages share
        {
          type: "text/javascript; charset=utf-8",
          body: readFileSync(join(specsDir, "dist", "redoc.standalone.js")),
        },
      ],
    ]);
    server = createServer((req, res) => {
      const file = files.get(new URL(req.url ?? "/", "http://x").pathname);
      if (!file) return res.writeHead(req.url === "/favicon.ico" ? 204 : 404).end();
      res.writeHead(200, { "Content-Type": file.type, "Cache-Control": "no-store" }).end(file.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    userDataDir = mkdtempSync(join(tmpdir(), "fnapi-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: FLAGS,
      timeout: 45_000,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // Chromium logs every 4xx answer; the 404s asked of Prism are the point of two of the cases.
      const at = message.location().url;
      if (message.text().includes("404") && [ncfUrl, fgsUrl].some((u) => at.startsWith(u))) return;
      problems.push(`console: ${message.text()} (${at})`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  let results: BrowserResults;
  async function runInPage(): Promise<BrowserResults> {
    if (results) return results;
    await page.goto(`${origin}/`);
    await page
      .waitForFunction(() => typeof window.fnapiRun === "function", undefined, { timeout: 10_000 })
      .catch((error) => {
        throw new Error(`the page did not load the modules: ${problems.join("; ") || error}`);
      });
    const vectors = (name: string) =>
      JSON.parse(readFileSync(join(specsDir, "test-vectors", name), "utf8")).vectors as unknown[];
    const config = {
      ncfUrl,
      fgsUrl,
      testVectors: { ncp: vectors("ncp-signature-v2.json"), huawei: vectors("huawei-sdk-hmac-sha256.json") },
    };
    results = await page.evaluate((c) => {
      const run = window.fnapiRun;
      if (!run) throw new Error("fnapiRun is missing");
      return run(c);
    }, config);
    return results;
  }

  it("runs in a real browser, in a secure context with Web Crypto", async () => {
    const { environment } = await runInPage();
    expect(environment.userAgent).toMatch(/Chrome\/\d+/);
    expect(environment).toMatchObject({ secureContext: true, webCrypto: true, origin });
  });

  it("reproduces every signing test vector with Web Crypto", async () => {
    const { vectors } = await runInPage();
    expect(vectors.length).toBeGreaterThan(10);
    for (const v of vectors) expect(v.got, v.id).toEqual(v.expected);
  });

  it("NCF: deletes through Prism with signature v2, and throws typed errors", async () => {
    const { ncf } = await runInPage();
    expect(ncf.deleted).toMatchObject({ outcome: "resolved", value: { alreadyGone: false, attempts: 1 } });
    const [sent] = ncf.deleted.exchanges;
    expect(sent).toMatchObject({ method: "DELETE", status: 204, violations: null });
    expect(new URL(sent?.url ?? "").pathname).toBe("/packages/package001");
    expect(sent?.headers["x-ncp-apigw-signature-v2"]).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    expect(ncf.notFound.exchanges[0]).toMatchObject({ status: 404, violations: null });
    expect(ncf.notFound.error).toMatchObject({
      name: "NcfApiError",
      status: 404,
      code: "80101",
      isNcfApiError: true,
      isApiError: true,
    });
    expect(ncf.invalid.exchanges).toEqual([]);
    expect(ncf.invalid.error).toMatchObject({ isValidationError: true, field: "packageName" });
  });

  it("FunctionGraph: deletes through Prism with a token and with AK/SK, and throws typed errors", async () => {
    const { fgs } = await runInPage();
    expect(fgs.deletedWithToken).toMatchObject({
      outcome: "resolved",
      value: { alreadyGone: false, attempts: 1 },
    });
    expect(fgs.deletedWithToken.exchanges[0]).toMatchObject({
      method: "DELETE",
      status: 204,
      violations: null,
    });
    expect(fgs.deletedWithToken.exchanges[0]?.headers["x-auth-token"]).toBe("MIIexampletoken");

    expect(fgs.deletedWithAkSk).toMatchObject({
      outcome: "resolved",
      value: { alreadyGone: false, attempts: 1 },
    });
    const signed = fgs.deletedWithAkSk.exchanges[0];
    expect(signed).toMatchObject({ method: "DELETE", status: 204, violations: null });
    expect(signed?.headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(signed?.url).toContain(":function:default:hello:v1"); // the URN's colons go out raw

    expect(fgs.notFound.exchanges[0]).toMatchObject({ status: 404, violations: null });
    expect(fgs.notFound.error).toMatchObject({
      name: "FgsApiError",
      status: 404,
      isFgsApiError: true,
      isApiError: true,
    });
    expect(fgs.notFound.error?.code).toMatch(/^FSS\.\d{4}$/);
  });

  it("logs no error in the page", async () => {
    await runInPage();
    expect(problems).toEqual([]);
  });

  it("opens the HTML API reference of @fnapi/specs with the network cut off", async () => {
    await context.route(
      (url) => !url.href.startsWith(origin),
      (route) => {
        offline.push(route.request().url());
        return route.abort();
      },
    );
    const reference = await context.newPage();
    const errors: string[] = [];
    reference.on("pageerror", (error) => errors.push(error.message));
    await reference.goto(`${origin}/reference/ncf.html`, { waitUntil: "load" });
    await reference.getByText("Packages", { exact: true }).first().click(); // the sidebar works: scripts ran
    await reference.getByText("Delete a package").first().waitFor({ state: "visible", timeout: 10_000 });
    await reference.close();
    expect(offline).toEqual([]);
    expect(errors).toEqual([]);
  });
});
