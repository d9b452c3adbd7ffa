import { parse as parseYaml } from "yaml";
import { type FaultSpecError, type FaultTable, parseFault } from "./faults.js";
import type { RequestRecord } from "./request-log.js";
import { type EmulatorState, type Seed, SeedError } from "./seed.js";

// The control API under /_emulator/, plain HTTP and JSON so any language can drive it:
//   GET  /_emulator/                 what is served (operations, whether each has a handler)
//   POST /_emulator/reset            back to the seed; request log and faults cleared
//   GET  /_emulator/state            the state, in the seed's shape
//   PUT  /_emulator/state            replace the state (JSON or YAML, checked like a seed)
//   GET  /_emulator/requests         the request log
//   GET  /_emulator/faults           the active faults
//   POST /_emulator/faults           add a fault     DELETE /_emulator/faults   clear them

export interface ControlCore {
  reset(): void;
  state(): EmulatorState;
  setState(state: Seed): void;
  requests(): RequestRecord[];
  operations(): unknown[];
  faults: FaultTable;
  operationIds: ReadonlySet<string>;
}

export interface ControlRequest {
  method: string;
  /** The path below /_emulator (`/state`). */
  path: string;
  body: Buffer;
  tooLarge: boolean;
}

export interface ControlAnswer {
  status: number;
  body?: unknown;
}

const invalid = (field: string, rule: string): ControlAnswer => ({
  status: 400,
  body: { error: { field, rule, message: `${field}: ${rule}` } },
});

function parseBody(body: Buffer): { value: unknown } | { error: string } {
  try {
    return { value: parseYaml(body.toString("utf8")) ?? {} };
  } catch (error) {
    return { error: (error as Error).message.split("\n")[0] ?? "unreadable" };
  }
}

const ROUTES: Record<string, string[]> = {
  "/": ["GET"],
  "/reset": ["POST"],
  "/state": ["GET", "PUT"],
  "/requests": ["GET"],
  "/faults": ["GET", "POST", "DELETE"],
};

export function handleControl(request: ControlRequest, core: ControlCore): ControlAnswer {
  const { method, path } = request;
  const allowed = ROUTES[path];
  if (!allowed)
    return {
      status: 404,
      body: { error: { message: `no control endpoint ${path}`, endpoints: Object.keys(ROUTES) } },
    };
  if (!allowed.includes(method)) {
    return {
      status: 405,
      body: { error: { message: `${method} is not allowed here; use ${allowed.join(" or ")}` } },
    };
  }
  if (request.tooLarge) return invalid("(body)", "must be at most 1 MiB");
  const key = `${method} ${path}`;
  switch (key) {
    case "GET /":
      return { status: 200, body: { operations: core.operations(), endpoints: ROUTES } };
    case "POST /reset":
      core.reset();
      return { status: 204 };
    case "GET /state":
      return { status: 200, body: core.state() };
    case "PUT /state": {
      const parsed = parseBody(request.body);
      if ("error" in parsed) return invalid("(body)", `must be JSON or YAML: ${parsed.error}`);
      try {
        core.setState(parsed.value as Seed);
      } catch (error) {
        if (error instanceof SeedError) return invalid(error.field, error.rule);
        throw error;
      }
      return { status: 200, body: core.state() };
    }
    case "GET /requests":
      return { status: 200, body: core.requests() };
    case "GET /faults":
      return { status: 200, body: core.faults.list() };
    case "POST /faults": {
      const parsed = parseBody(request.body);
      if ("error" in parsed) return invalid("(body)", `must be JSON: ${parsed.error}`);
      try {
        return { status: 201, body: core.faults.add(parseFault(parsed.value, core.operationIds)) };
      } catch (error) {
        const e = error as FaultSpecError;
        if (e.name === "FaultSpecError") return invalid(e.field, e.rule);
        throw error;
      }
    }
    case "DELETE /faults":
      core.faults.clear();
      return { status: 204 };
  }
  return { status: 404 };
}
