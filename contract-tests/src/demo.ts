// `npm run demo`: starts Prism for both specs, deletes a package and a function through the real clients,
// then shows how every documented error surfaces; then runs a stateful flow on @fnapi/emulator
// (emulator-demo.ts). Exits 0 when each call ended as expected.

import { createFgsClient, formatFunctionUrn } from "@fnapi/fgs-client";
import { ApiError, createNcfClient } from "@fnapi/ncf-client";
import { recordingFetch } from "./capture-fetch.js";
import { runEmulatorDemo } from "./emulator-demo.js";
import { printTable } from "./markdown-table.js";
import { startPrism } from "./prism.js";
import { documentedExamples } from "./spec-examples.js";

interface Row {
  cloud: string;
  call: string;
  mock: string;
  outcome: string;
  ok: boolean;
}

async function outcomeOf(
  call: () => Promise<unknown>,
  expectedStatus: number,
): Promise<Pick<Row, "outcome" | "ok">> {
  try {
    await call();
    return { outcome: "resolved", ok: expectedStatus < 300 };
  } catch (error) {
    if (error instanceof ApiError) {
      const text = `${error.name} ${error.status} ${error.code ?? "-"} ${error.message}`;
      return { outcome: text, ok: error.status === expectedStatus };
    }
    return { outcome: `${(error as Error).name}: ${(error as Error).message}`, ok: false };
  }
}

function printRows(rows: Row[]): void {
  printTable(
    { cloud: "cloud", call: "call", mock: "mock answers", outcome: "what the client does" },
    rows.map((r) => ({
      cloud: r.cloud,
      call: r.call,
      mock: r.mock,
      outcome: `${r.ok ? "" : "UNEXPECTED "}${r.outcome}`,
    })),
  );
}

async function main(): Promise<number> {
  const [ncfMock, fgsMock] = await Promise.all([startPrism("ncf.yaml"), startPrism("fgs.yaml")]);
  const rows: Row[] = [];
  try {
    const ncfFor = (prefer: string) =>
      createNcfClient({
        accessKey: "ncp_iam_EXAMPLEACCESSKEY",
        secretKey: "EXAMPLESECRETKEY",
        baseUrl: ncfMock.url,
        fetch: recordingFetch(prefer).fetch,
        maxAttempts: 1,
      });
    for (const { status, example } of documentedExamples("ncf.yaml", "/packages/{packageName}", "delete")) {
      const prefer = example ? `code=${status}, example=${example}` : `code=${status}`;
      const call = `deletePackage("package001")`;
      rows.push({
        cloud: "NCP",
        call,
        mock: `${status} ${example ?? ""}`.trim(),
        ...(await outcomeOf(() => ncfFor(prefer).deletePackage("package001"), status)),
      });
    }

    const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
    const urn = formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello" });
    const fgsFor = (prefer: string, auth: "token" | "AK/SK" = "token") =>
      createFgsClient({
        projectId,
        baseUrl: fgsMock.url,
        fetch: recordingFetch(prefer).fetch,
        maxAttempts: 1,
        ...(auth === "token"
          ? { token: "MIIexampletoken" }
          : { accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "example-sk" }),
      });
    const version = formatFunctionUrn({
      region: "cn-north-4",
      projectId,
      name: "hello",
      version: "v20170830-181539",
    });
    rows.push({
      cloud: "Huawei",
      call: "deleteFunction(function URN) with AK/SK",
      mock: "204",
      ...(await outcomeOf(() => fgsFor("code=204", "AK/SK").deleteFunction(urn), 204)),
    });
    rows.push({
      cloud: "Huawei",
      call: "deleteFunction(version URN)",
      mock: "204",
      ...(await outcomeOf(() => fgsFor("code=204").deleteFunction(version), 204)),
    });
    rows.push({
      cloud: "Huawei",
      call: "deleteFunction(URN, { missingOk })",
      mock: "404 functionNotFound",
      ...(await outcomeOf(
        () => fgsFor("code=404, example=functionNotFound").deleteFunction(urn, { missingOk: true }),
        204,
      )),
    });
    for (const { status, example } of documentedExamples(
      "fgs.yaml",
      "/v2/{project_id}/fgs/functions/{function_urn}",
      "delete",
    )) {
      const prefer = example ? `code=${status}, example=${example}` : `code=${status}`;
      rows.push({
        cloud: "Huawei",
        call: "deleteFunction(URN)",
        mock: `${status} ${example ?? ""}`.trim(),
        ...(await outcomeOf(() => fgsFor(prefer).deleteFunction(urn), status)),
      });
    }
  } finally {
    await Promise.all([ncfMock.stop(), fgsMock.stop()]);
  }
  printRows(rows);
  const unexpected = rows.filter((r) => !r.ok).length;
  console.log(
    `\n${rows.length} calls against the Prism mocks of specs/ncf.yaml and specs/fgs.yaml; ${unexpected} unexpected.`,
  );
  console.log("");
  const emulatorUnexpected = await runEmulatorDemo();
  return unexpected === 0 && emulatorUnexpected === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
