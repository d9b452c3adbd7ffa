import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Emulator, startEmulator } from "@fnapi/emulator";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_FLAGS, chromiumPath, chromiumUnavailable } from "./browser-support.js";
import { huaweiAuthorization, ncpHeaders, sdkDate } from "./independent-signer.js";

// The emulator's inspector page (/_emulator/ui) in Debian's Chromium against a seeded emulator with a
// control token: a refused signature is explained live (no reload), a fault added on the page hits the next
// request, a snapshot saved and restored on the page, keyboard-only use, every control labelled, and not one
// request outside the emulator's origin. Writes the screenshot the emulator's README shows.
// Without Chromium the test is skipped with the reason, unless CI is set: then it fails.

const SCREENSHOT = fileURLToPath(new URL("../../packages/emulator/docs/inspector.png", import.meta.url));
const CONTROL_TOKEN = "inspector-browser-token";
const NCP = { accessKey: "ncp_iam_BROWSER", secretKey: "ncp-browser-secret" };
const HUAWEI = { accessKey: "HUAWEIBROWSERAK", secretKey: "huawei-browser-sk" };
const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const URN = `urn:fss:cn-north-4:${PROJECT}:function:default:hello`;

const missing = chromiumUnavailable();
if (missing && process.env.CI && process.env.CI !== "false" && process.env.CI !== "0") {
  describe("the inspector in Chromium", () => {
    it("needs Chromium, and CI is set", () => {
      throw new Error(
        `${missing} (.ci/run installs it: apt-get install -y --no-install-recommends chromium)`,
      );
    });
  });
} else if (missing) console.warn(`[inspector.test] skipped: ${missing}`);

describe.skipIf(missing !== undefined)("the inspector page in Chromium", () => {
  let emulator: Emulator;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requested: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      controlToken: CONTROL_TOKEN,
      seed: {
        ncp: {
          credentials: [NCP],
          packages: [
            {
              name: "orders",
              platform: "vpc",
              actions: ["create", { name: "refund", runtime: "nodejs:20" }],
            },
            { name: "scratch", platform: "vpc", actions: [] },
            { name: "temp", platform: "vpc", actions: [] },
            { name: "legacy", platform: "classic", actions: ["cron"] },
          ],
        },
        huawei: {
          credentials: [HUAWEI],
          functions: [{ urn: URN, versions: ["v1"], aliases: { prod: "v1" } }],
          users: [{ domain: "example-domain", name: "alice", password: "alice-password" }],
          tokens: [{ token: "MIIbrowser-seeded-token-value-0042", expiresAt: "2100-01-01T00:00:00Z" }],
        },
      },
    });
    userDataDir = mkdtempSync(join(tmpdir(), "fnapi-inspector-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_FLAGS,
      timeout: 45_000,
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    context.on("request", (request) => requested.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await emulator?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  const ncpDelete = (name: string, secretKey = NCP.secretKey) => {
    const target = `/ncf/api/v2/packages/${name}?platform=vpc`;
    const headers = ncpHeaders({
      method: "DELETE",
      target,
      accessKey: NCP.accessKey,
      secretKey,
      time: Date.now(),
    });
    return fetch(`${emulator.url}${target}`, { method: "DELETE", headers });
  };

  async function huaweiDelete(o: {
    secretKey?: string;
    time?: number;
    signHost?: boolean;
    canonicalUri?: string;
  }) {
    const path = `/v2/${PROJECT}/fgs/functions/${URN}`;
    const time = o.time ?? Date.now();
    const host = new URL(emulator.url).host;
    const { authorization } = huaweiAuthorization({
      method: "DELETE",
      canonicalUri: o.canonicalUri ?? `${path.replaceAll(":", "%3A")}/`,
      signed: { "x-sdk-date": sdkDate(time), ...(o.signHost === false ? {} : { host }) },
      accessKey: HUAWEI.accessKey,
      secretKey: o.secretKey ?? HUAWEI.secretKey,
      time,
    });
    const response = await fetch(`${emulator.url}${path}`, {
      method: "DELETE",
      headers: { "X-Sdk-Date": sdkDate(time), Authorization: authorization },
    });
    await response.arrayBuffer();
    return response.status;
  }

  it("works only with the control token, which never stays in the address bar", async () => {
    const other = await context.newPage();
    await other.goto(`${emulator.url}/_emulator/ui`);
    await other.getByRole("status").filter({ hasText: "needs its control token" }).waitFor();
    await other.close();

    await page.goto(`${emulator.url}/_emulator/ui#token=${CONTROL_TOKEN}`);
    await page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
    expect(page.url()).toBe(`${emulator.url}/_emulator/ui`);
    await page.getByRole("cell", { name: "orders" }).first().waitFor();
    expect(await page.locator("#state").textContent()).not.toContain("MIIbrowser-seeded-token-value");
  });

  it("explains a wrong secret (and the other signer mistakes) live, as the JSON log does", async () => {
    expect((await ncpDelete("scratch", "not-the-secret")).status).toBe(401);
    const sentence = emulator.requests().at(-1)?.explanation?.sentence as string;
    expect(sentence).toMatch(/another secret key than the one known for "ncp_iam_BROWSER"/);
    await page.getByText(sentence).waitFor({ timeout: 15_000 });

    const statuses = [
      await huaweiDelete({ secretKey: "wrong" }),
      await huaweiDelete({ time: Date.now() + 30 * 60_000 }),
      await huaweiDelete({ signHost: false }),
      await huaweiDelete({ canonicalUri: `/v2/${PROJECT}/fgs/functions/${URN}/` }),
    ];
    expect(statuses).toEqual([401, 401, 401, 401]);
    const sentences = emulator
      .requests()
      .slice(-4)
      .map((r) => r.explanation?.sentence as string);
    expect(new Set(sentences).size).toBe(4);
    for (const s of sentences) await page.getByText(s).first().waitFor({ timeout: 15_000 });

    // the canonical requests side by side, the first difference marked
    await page
      .getByRole("button", { name: /^Details of request/ })
      .first()
      .click();
    await expect.poll(() => page.locator("#why-computed mark").count()).toBe(1);
    expect(await page.locator("#why-implied mark").textContent()).toBe(":");
    expect(await page.locator("#why-computed mark").textContent()).toBe("%");
    mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
    await page.locator(".scroll").evaluate((table) => table.scrollTo(0, 0));
    await page.screenshot({
      path: SCREENSHOT,
      fullPage: true,
    });
  });

  it("adds a fault from the page and the next request gets it", async () => {
    await page.getByLabel("Fault operation").selectOption("deletePackage");
    await page.getByLabel("Fault status").fill("503");
    await page.getByLabel("Retry-After s").fill("7");
    await page.getByRole("button", { name: "Add fault" }).click();
    await page.getByText(/#\d+ · deletePackage · status 503/).waitFor();
    const faulted = await ncpDelete("scratch");
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("7");
    expect((await ncpDelete("scratch")).status).toBe(204);
  });

  it("saves and restores a snapshot, with the keyboard alone", async () => {
    await page.getByLabel("Snapshot name").focus();
    await page.keyboard.type("before");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Restore snapshot before" }).waitFor();
    expect((await ncpDelete("temp")).status).toBe(204);
    await page.getByRole("cell", { name: "temp", exact: true }).waitFor({ state: "detached" });
    const history = page.locator("#state");
    await history.getByRole("cell", { name: "/ncf/api/v2/packages/temp?platform=vpc" }).waitFor();
    const restore = page.getByRole("button", { name: "Restore snapshot before" });
    await restore.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Snapshot before restored" }).waitFor();
    await page.getByRole("cell", { name: "temp", exact: true }).waitFor();
    expect(emulator.state().ncp.packages.map((p) => p.name)).toContain("temp");
  });

  it("is usable with the keyboard: every control labelled, reached by Tab in order", async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, button")]
        .filter((c) => {
          const control = c as HTMLInputElement;
          const name = control.labels?.length
            ? control.labels[0]?.textContent
            : (control.getAttribute("aria-label") ?? control.textContent);
          return !name?.trim();
        })
        .map((c) => c.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    await page.locator("body").focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: string[] = [];
    for (let i = 0; i < 120 && !reached.includes("Save snapshot"); i++) {
      await page.keyboard.press("Tab");
      reached.push(
        await page.evaluate(() => {
          const c = document.activeElement as HTMLInputElement | null;
          if (!c) return "";
          return (
            (c.labels?.[0]?.textContent ?? c.getAttribute("aria-label") ?? c.textContent ?? "")
              .trim()
              .split("\n")[0]
              ?.trim() ?? ""
          );
        }),
      );
    }
    const order = [
      "Export HAR",
      "Reset emulator",
      "Cloud",
      "Operation",
      "Status",
      "Auth failed only",
      "Filter state",
      "Add fault",
      "Snapshot name",
      "Save snapshot",
    ];
    const positions = order.map((name) => reached.findIndex((r) => r.startsWith(name)));
    expect(
      positions.every((p) => p >= 0),
      reached.join(" | "),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("exports HAR, and the page never asked anything outside the emulator's origin", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export HAR" }).click(),
    ]);
    const har = JSON.parse(readFileSync(await download.path(), "utf8"));
    expect(har.log.entries.length).toBeGreaterThan(5);
    const origin = new URL(emulator.url).origin;
    const foreign = requested.filter((url) => new URL(url.replace(/^blob:/, "")).origin !== origin);
    expect(foreign).toEqual([]);
    expect(requested.length).toBeGreaterThan(5);
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });
});
