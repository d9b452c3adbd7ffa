// Command line: `--quick` for a run under a minute (fewer samples, one round), `--only=a,b` to run some
// sections. The full profile's numbers are the ones to publish.

export const SECTIONS = ["requests", "signing", "cold-start", "footprint", "emulator"];

const PROFILES = {
  full: {
    requests: { rounds: 3, warmup: 1000, sequential: 5000, concurrent: 16000, concurrency: 64 },
    signing: { rounds: 3, warmupMs: 300, measureMs: 1000, inFlight: 64 },
    coldStart: { repetitions: 20 },
    emulator: { rounds: 3 },
  },
  quick: {
    requests: { rounds: 1, warmup: 200, sequential: 1000, concurrent: 3000, concurrency: 64 },
    signing: { rounds: 1, warmupMs: 100, measureMs: 300, inFlight: 64 },
    coldStart: { repetitions: 5 },
    emulator: { rounds: 1 },
  },
};

export function parseOptions(argv) {
  let profile = "full";
  let sections = SECTIONS;
  for (const arg of argv) {
    if (arg === "--quick") profile = "quick";
    else if (arg.startsWith("--only=")) {
      sections = arg.slice("--only=".length).split(",");
      const unknown = sections.filter((s) => !SECTIONS.includes(s));
      if (unknown.length)
        throw new Error(`unknown section(s) ${unknown.join(", ")}; known: ${SECTIONS.join(", ")}`);
    } else if (arg === "--help" || arg === "-h") {
      return { help: true };
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  return { profile, sections, plan: PROFILES[profile] };
}

export const USAGE = `npm run bench [-- --quick] [-- --only=${SECTIONS.join(",")}]
  --quick   fewer samples and one round (under a minute); the full run takes a few minutes
  --only    run only these sections`;
