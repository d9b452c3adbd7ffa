// The specs are for every language, not just openapi-typescript: this generates a second client from each
// bundled spec (specs/dist/*.json, as @fnapi/specs publishes it) with another generator, @hey-api/openapi-ts,
// into a temporary directory, and fails unless
//   - the generator succeeds without a warning or error,
//   - it produces the SDK function for every operationId, and an error type for every documented status,
//   - the whole output passes `tsc --noEmit` (strict), its spec-derived types.gen.ts passes the repository's
//     strictest settings (exactOptionalPropertyTypes, noUncheckedIndexedAccess), and a small usage file shows
//     the generated types enforce the spec's rules (a path parameter is required, an enum is an enum).
// The temporary directory is removed afterwards.
//
//   node scripts/check-codegen.mjs [--keep]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const heyApi = join(root, "node_modules", "@hey-api", "openapi-ts", "bin", "run.js");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const keep = process.argv.includes("--keep");

// What each spec must give the generated client, and a usage the types must accept (and refuse).
const specs = {
  ncf: `import { deleteAction, deletePackage, type DeletePackageData, getPackage, listActions } from "./ncf/index";
export const ok: DeletePackageData = {
  url: "/packages/{packageName}",
  path: { packageName: "package001" },
  query: { platform: "classic" },
};
export const call = () => deletePackage({ path: { packageName: "package001" }, query: { platform: "vpc" } });
// @ts-expect-error the platform is an enum
export const badPlatform: DeletePackageData = { url: "/packages/{packageName}", path: { packageName: "p" }, query: { platform: "gov" } };
// @ts-expect-error the path parameter is required
export const noPath = () => deletePackage({});
export const cascade = async () => {
  const listed = await listActions({ path: { packageName: "-" }, query: { platform: "vpc" } });
  const names: string[] = (listed.data?.content.actions ?? []).map((action) => action.name);
  const pkg = await getPackage({ path: { packageName: "package001" } });
  const first = pkg.data?.content.actions?.[0];
  const firstName: string | undefined = typeof first === "string" ? first : first?.name;
  return { names, firstName, deleted: deleteAction({ path: { packageName: "package001", actionName: "action001" } }) };
};
// @ts-expect-error deleteAction needs the action name too
export const noAction = () => deleteAction({ path: { packageName: "package001" } });
`,
  fgs: `import { deleteFunction, type DeleteFunctionData } from "./fgs/index";
export const ok: DeleteFunctionData = {
  url: "/v2/{project_id}/fgs/functions/{function_urn}",
  path: { project_id: "7aad83af3e8d42e99ac194e8419e2c9b", function_urn: "urn:fss:cn-north-4:7aad83af3e8d42e99ac194e8419e2c9b:function:default:hello" },
};
export const call = () => deleteFunction({ path: ok.path });
// @ts-expect-error both path parameters are required
export const noUrn = () => deleteFunction({ path: { project_id: "7aad83af3e8d42e99ac194e8419e2c9b" } });
`,
  iam: `import { createUserToken, type CreateUserTokenData } from "./iam/index";
const user = { name: "IAMUser", password: "IAMPassword-example", domain: { name: "IAMDomain" } };
export const byName: CreateUserTokenData["body"] = {
  auth: { identity: { methods: ["password"], password: { user } }, scope: { project: { name: "cn-north-4" } } },
};
export const byId: CreateUserTokenData["body"] = {
  auth: {
    identity: { methods: ["password"], password: { user } },
    scope: { project: { id: "7aad83af3e8d42e99ac194e8419e2c9b" } },
  },
};
export const call = async () => {
  const { data, response } = await createUserToken({ body: byName, query: { nocatalog: "true" } });
  const expiresAt: string | undefined = data?.token.expires_at;
  return { expiresAt, token: response.headers.get("X-Subject-Token") };
};
// @ts-expect-error the only method is "password"
export const badMethod: CreateUserTokenData["body"] = { auth: { identity: { methods: ["token"], password: { user } }, scope: { project: { name: "cn-north-4" } } } };
// @ts-expect-error the body is required
export const noBody = () => createUserToken({});
`,
};

function run(command, args, cwd, label) {
  try {
    const output = execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    return output;
  } catch (error) {
    console.error(`FAIL  ${label}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    throw new Error(`check-codegen failed at: ${label}`);
  }
}

const work = mkdtempSync(join(tmpdir(), "fnapi-codegen-"));
try {
  const problems = [];
  for (const [name, usage] of Object.entries(specs)) {
    const input = join(root, "specs", "dist", `${name}.json`);
    const spec = JSON.parse(readFileSync(input, "utf8"));
    const output = run(
      process.execPath,
      [heyApi, "--input", input, "--output", join(work, name), "--no-log-file"],
      work,
      `@hey-api/openapi-ts ${name}.json`,
    );
    if (/warn|error/i.test(output)) {
      problems.push(`${name}: the generator reported:\n${output}`);
    }

    const sdk = readFileSync(join(work, name, "sdk.gen.ts"), "utf8");
    const types = readFileSync(join(work, name, "types.gen.ts"), "utf8");
    for (const item of Object.values(spec.paths)) {
      for (const operation of Object.values(item)) {
        if (!operation?.operationId) continue;
        const id = operation.operationId;
        if (!new RegExp(`export const ${id}\\b`).test(sdk)) problems.push(`${name}: no SDK function ${id}`);
        const type = id[0].toUpperCase() + id.slice(1);
        const errors = new RegExp(`export type ${type}Errors = \\{([^}]*)\\}`).exec(types)?.[1] ?? "";
        for (const status of Object.keys(operation.responses).filter((s) => !/^2/.test(s))) {
          if (!new RegExp(`(^|\\s)${status}:`).test(errors))
            problems.push(`${name}: ${type}Errors lacks ${status}`);
        }
      }
    }
    writeFileSync(join(work, `${name}-usage.ts`), usage);
  }

  const compilerOptions = {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    types: [],
    strict: true,
    skipLibCheck: false,
    noEmit: true,
  };
  writeFileSync(join(work, "package.json"), '{ "private": true, "type": "module" }\n');
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({ compilerOptions, include: Object.keys(specs).flatMap((n) => [n, `${n}-usage.ts`]) }),
  );
  writeFileSync(
    join(work, "tsconfig.types.json"),
    JSON.stringify({
      compilerOptions: {
        ...compilerOptions,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
      },
      files: Object.keys(specs).map((n) => `${n}/types.gen.ts`),
    }),
  );
  run(
    process.execPath,
    [tsc, "-p", "tsconfig.json"],
    work,
    "tsc --noEmit (generated clients and usage, strict)",
  );
  run(process.execPath, [tsc, "-p", "tsconfig.types.json"], work, "tsc --noEmit (types.gen.ts, strictest)");

  if (problems.length) {
    console.error(problems.join("\n"));
    process.exitCode = 1;
  } else {
    console.log(
      `@hey-api/openapi-ts generates type-correct clients from ${Object.keys(specs)
        .map((n) => `${n}.json`)
        .join(" and ")}`,
    );
  }
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
