import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The GitHub Actions recipe (examples/github-actions-keyless/README.md) is run by check-readme-blocks against
// the emulator. This keeps the run honest: the emulator block must set every variable of the workflow's step,
// with the same value, and run the step's command (only `--base-url` added).

const readme = readFileSync(
  join(import.meta.dirname, "..", "..", "..", "examples", "github-actions-keyless", "README.md"),
  "utf8",
);
const block = (language: string) => {
  const match = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!match?.[1]) throw new Error(`no ${language} block`);
  return match[1];
};

describe("the GitHub Actions recipe", () => {
  const workflow = block("yaml");
  const steps = block("sh");
  const env = [...workflow.matchAll(/^ {10}([A-Z_]+): (.+)$/gm)].map(
    ([, name, value]) => [name, value] as const,
  );
  const run = /^ {8}run: npx --yes @fnapi\/cli (.+)$/m.exec(workflow)?.[1];

  it("asks for an id token and stores no secret", () => {
    expect(workflow).toMatch(/permissions:\n {2}id-token: write/);
    expect(workflow).not.toMatch(/secrets\./);
    expect(env.map(([name]) => name)).not.toContain("HUAWEICLOUD_SDK_SK");
  });

  it("the emulator block sets the step's variables and runs the step's command", () => {
    expect(env.length).toBeGreaterThan(3);
    for (const [name, value] of env) expect(steps).toContain(`export ${name}=${value}`);
    expect(run).toBeDefined();
    expect(steps).toContain(`npx fnapi ${run} --base-url http://127.0.0.1:4010`);
  });
});
