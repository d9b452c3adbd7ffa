// The second half of `npm run demo`: a realistic delete flow through the real clients against
// @fnapi/emulator, which keeps state, verifies every signature and injects faults. Prints a table of what
// each call did, what the emulator answered to each attempt, and returns how many rows were unexpected.

import { type Emulator, startEmulator } from "@fnapi/emulator";
import { createFgsClient, formatFunctionUrn } from "@fnapi/fgs-client";
import { ApiError, createNcfClient, ValidationError } from "@fnapi/ncf-client";
import { printTable } from "./markdown-table.js";

const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const NCP = { accessKey: "ncp_iam_DEMOKEY", secretKey: "ncp-demo-secret" };
const HUAWEI = { accessKey: "HUAWEIDEMOAK", secretKey: "huawei-demo-sk" };
const hello = formatFunctionUrn({ region: "cn-north-4", projectId: PROJECT, name: "hello" });

interface Row {
  cloud: string;
  call: string;
  emulator: string;
  outcome: string;
  ok: boolean;
}

async function outcomeOf(
  call: () => Promise<unknown>,
  expected: string,
): Promise<Pick<Row, "outcome" | "ok">> {
  let outcome: string;
  try {
    await call();
    outcome = "resolved";
  } catch (error) {
    outcome =
      error instanceof ApiError
        ? `${error.name} ${error.status} ${error.code ?? "-"}`
        : error instanceof ValidationError
          ? "ValidationError (nothing sent)"
          : `${(error as Error).name}: ${(error as Error).message}`;
  }
  return { outcome, ok: outcome === expected };
}

function printRows(rows: Row[]): void {
  printTable(
    {
      cloud: "cloud",
      call: "call",
      emulator: "emulator answered",
      outcome: "what the client does",
    },
    rows.map((r) => ({
      cloud: r.cloud,
      call: r.call,
      emulator: r.emulator,
      outcome: `${r.ok ? "" : "UNEXPECTED "}${r.outcome}`,
    })),
  );
}

export async function runEmulatorDemo(): Promise<number> {
  const emu: Emulator = await startEmulator({
    port: 0,
    auth: "verify",
    seed: {
      ncp: {
        credentials: [NCP],
        packages: [
          { name: "empty", platform: "vpc", actions: [] },
          { name: "package001", platform: "vpc", actions: ["hello", "world"] },
          { name: "legacy", platform: "classic", actions: [] },
          { name: "flaky", platform: "vpc", actions: [] },
        ],
      },
      huawei: {
        credentials: [HUAWEI],
        tokens: [{ token: "MIIdemotoken", expiresAt: "2100-01-01T00:00:00Z" }],
        functions: [
          { urn: hello, versions: ["v1", "v2"], aliases: { prod: "v1" } },
          { urn: formatFunctionUrn({ region: "cn-north-4", projectId: PROJECT, name: "flaky" }) },
        ],
      },
    },
  });
  const rows: Row[] = [];
  const backoff = { baseMs: 20, maxMs: 100 };
  const ncf = (extra: object = {}) =>
    createNcfClient({ ...NCP, baseUrl: `${emu.url}/ncf/api/v2`, backoff, ...extra });
  const fgs = (extra: object = {}) =>
    createFgsClient({ projectId: PROJECT, baseUrl: emu.url, backoff, ...HUAWEI, ...extra } as Parameters<
      typeof createFgsClient
    >[0]);
  const fault = (body: object) =>
    fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  async function step(cloud: string, call: string, run: () => Promise<unknown>, expected: string) {
    const before = emu.requests().length;
    const result = await outcomeOf(run, expected);
    const answers = emu
      .requests()
      .slice(before)
      .map((r) => (r.status === 0 ? "connection dropped" : `${r.status}${r.code ? ` ${r.code}` : ""}`));
    rows.push({ cloud, call, emulator: answers.join(", ") || "(nothing sent)", ...result });
  }

  try {
    await step("NCP", 'deletePackage("empty")', () => ncf().deletePackage("empty"), "resolved");
    await step(
      "NCP",
      'deletePackage("empty") again',
      () => ncf().deletePackage("empty"),
      "NcfApiError 404 80101",
    );
    await step(
      "NCP",
      'deletePackage("empty", { missingOk })',
      () => ncf().deletePackage("empty", { missingOk: true }),
      "resolved",
    );
    await step(
      "NCP",
      'deletePackage("package001"), 2 actions',
      () => ncf().deletePackage("package001"),
      "NcfApiError 409 80109",
    );
    await fault({ operation: "deleteAction", status: 500, code: "81313", times: 1 });
    await step(
      "NCP",
      'deletePackage("package001", { cascade: true })',
      () =>
        ncf()
          .deletePackage("package001", { cascade: true })
          .then(() => undefined),
      "resolved",
    );
    await step(
      "NCP",
      'deletePackage("legacy") on vpc',
      () => ncf().deletePackage("legacy"),
      "NcfApiError 400 80102",
    );
    await step(
      "NCP",
      'deletePackage("legacy", { platform: "classic" })',
      () => ncf().deletePackage("legacy", { platform: "classic" }),
      "resolved",
    );
    await fault({ operation: "deletePackage", status: 503, times: 2 });
    await step(
      "NCP",
      'deletePackage("flaky"), 2 injected 503s',
      () => ncf().deletePackage("flaky"),
      "resolved",
    );
    await step(
      "NCP",
      "deletePackage with a wrong secret key",
      () => ncf({ secretKey: "wrong" }).deletePackage("package001"),
      "NcfApiError 401 200",
    );
    await step(
      "NCP",
      "deletePackage({ missingOk }), client clock 10 min slow",
      () => ncf({ clock: () => Date.now() - 600_000 }).deletePackage("package001", { missingOk: true }),
      "resolved",
    );

    await step(
      "Huawei",
      "deleteFunction(hello:v2), AK/SK",
      () => fgs().deleteFunction(`${hello}:v2`),
      "resolved",
    );
    await step(
      "Huawei",
      "deleteFunction(hello:!prod) → v1",
      () => fgs().deleteFunction(`${hello}:!prod`),
      "resolved",
    );
    await step(
      "Huawei",
      "deleteFunction(hello:!prod) again",
      () => fgs().deleteFunction(`${hello}:!prod`),
      "FgsApiError 404 FSS.1053",
    );
    await step(
      "Huawei",
      "deleteFunction(hello:latest)",
      () => fgs().deleteFunction(`${hello}:latest`),
      "ValidationError (nothing sent)",
    );
    await step(
      "Huawei",
      "deleteFunction(hello), IAM token",
      () => fgs({ accessKey: undefined, secretKey: undefined, token: "MIIdemotoken" }).deleteFunction(hello),
      "resolved",
    );
    await step(
      "Huawei",
      "deleteFunction(hello) again",
      () => fgs().deleteFunction(hello),
      "FgsApiError 404 FSS.1051",
    );
    await step(
      "Huawei",
      "deleteFunction(hello, { missingOk })",
      () => fgs().deleteFunction(hello, { missingOk: true }),
      "resolved",
    );
    await fault({ operation: "deleteFunction", reset: true, times: 1 });
    await fault({ operation: "deleteFunction", status: 503, times: 1 });
    const flaky = formatFunctionUrn({ region: "cn-north-4", projectId: PROJECT, name: "flaky" });
    await step(
      "Huawei",
      "deleteFunction(flaky), dropped + 503",
      () => fgs().deleteFunction(flaky),
      "resolved",
    );
    await step(
      "Huawei",
      "deleteFunction with a wrong secret key",
      () => fgs({ secretKey: "wrong" }).deleteFunction(hello),
      "FgsApiError 401 APIGW.0301",
    );
  } finally {
    await emu.close();
  }
  printRows(rows);
  const unexpected = rows.filter((r) => !r.ok).length;
  console.log(
    `\n${rows.length} calls against @fnapi/emulator (state kept, every signature verified, faults injected); ${unexpected} unexpected.`,
  );
  return unexpected;
}
