// Builds what @fnapi/specs publishes besides its YAML sources, into specs/dist/:
//   ncf.json, fgs.json   each spec bundled into one self-contained JSON document (Redocly `bundle`)
//   ncf.html, fgs.html   a static API reference per spec that works offline (Redocly `build-docs --inlineBundle`)
//   index.html           a page linking both references
// and fails when a bundle still has an external $ref or a reference page's markup loads anything from the
// network (contract-tests/src/browser.test.ts opens a page in Chromium with the network cut off).
//
//   node scripts/build-specs.mjs        (run by `npm run build -w @fnapi/specs`, so by turbo's build)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const specsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "specs");
const dist = join(specsDir, "dist");
const specs = [
  { name: "ncf", title: "NAVER Cloud Platform Cloud Functions" },
  { name: "fgs", title: "Huawei Cloud FunctionGraph" },
];

const require = createRequire(join(specsDir, "package.json"));
const redoclyBin = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");

function redocly(...args) {
  execFileSync(process.execPath, [redoclyBin, ...args], {
    cwd: specsDir,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NO_COLOR: "1",
      FORCE_COLOR: "0",
      REDOCLY_TELEMETRY: "off",
      REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
    },
  });
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

redocly("bundle", ...specs.map((s) => `${s.name}.yaml`), "--output", "dist", "--ext", "json");
// Redoc's only remote resource is the attribution logo in the sidebar, an <img> from its CDN that hides itself
// when it fails to load. Pointing it at an empty data: URL makes the page quiet offline (and opening it sends
// nothing to a third party); the "API docs by" link stays.
const REDOC_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
for (const { name, title } of specs) {
  redocly("build-docs", `${name}.yaml`, "--output", `dist/${name}.html`, "--inlineBundle", "--title", title);
  const file = join(dist, `${name}.html`);
  writeFileSync(file, readFileSync(file, "utf8").replace(REDOC_LOGOS, "data:,"));
}

const problems = [];
for (const { name } of specs) {
  const refs = [];
  (function walk(node) {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) refs.push(value);
        else walk(value);
      }
    }
  })(JSON.parse(readFileSync(join(dist, `${name}.json`), "utf8")));
  if (refs.length) problems.push(`dist/${name}.json has external $refs: ${refs.join(", ")}`);

  const html = readFileSync(join(dist, `${name}.html`), "utf8");
  const remote = [
    ...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi),
  ];
  if (remote.length)
    problems.push(`dist/${name}.html loads from the network: ${remote.map((m) => m[0]).join(" ")}`);
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const version = JSON.parse(readFileSync(join(specsDir, "package.json"), "utf8")).version;
writeFileSync(
  join(dist, "index.html"),
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>fnapi API reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style></head>
<body>
<h1>fnapi API reference</h1>
<p>Generated from <code>@fnapi/specs</code> ${version}. Every page works offline.</p>
<ul>
${specs.map((s) => `<li><a href="${s.name}.html">${s.title}</a> (<a href="${s.name}.json">${s.name}.json</a>, bundled OpenAPI 3.1)</li>`).join("\n")}
</ul>
</body>
</html>
`,
);
console.log(`specs/dist: ${specs.map((s) => `${s.name}.json ${s.name}.html`).join(" ")} index.html`);
