// Injected faults (POST /_emulator/faults): for one operation (or all), answer a status and code, wait,
// or drop the connection, a number of times or with a probability.

export interface FaultSpec {
  /** An operationId; omitted: every operation. */
  operation?: string;
  /** The status to answer with; omitted: the request is served normally (after `delayMs`). */
  status?: number;
  /** The vendor code in the error body; default per API and status (NCP 503 → `500`, FunctionGraph → `FSS.0503`). */
  code?: string;
  message?: string;
  /** How many matching requests get the fault (default 1 when `probability` is not given). */
  times?: number;
  /** Instead of `times`: each matching request gets the fault with this probability, until cleared. */
  probability?: number;
  /** Wait this long before answering (or dropping). */
  delayMs?: number;
  /** Drop the connection instead of answering. */
  reset?: boolean;
  /** Seconds sent in a `Retry-After` header with the fault's error answer. */
  retryAfter?: number;
}

export interface Fault extends FaultSpec {
  id: number;
}

export class FaultSpecError extends Error {
  override name = "FaultSpecError";
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

const KEYS = [
  "operation",
  "status",
  "code",
  "message",
  "times",
  "probability",
  "delayMs",
  "reset",
  "retryAfter",
];

export function parseFault(input: unknown, operations: ReadonlySet<string>): FaultSpec {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new FaultSpecError("(body)", "must be a JSON object");
  }
  const f = input as Record<string, unknown>;
  for (const key of Object.keys(f)) {
    if (!KEYS.includes(key))
      throw new FaultSpecError(key, `is not a known field (known: ${KEYS.join(", ")})`);
  }
  const spec: FaultSpec = {};
  if (f.operation !== undefined) {
    if (typeof f.operation !== "string" || !operations.has(f.operation)) {
      throw new FaultSpecError(
        "operation",
        `must be one of the served operationIds: ${[...operations].join(", ")}`,
      );
    }
    spec.operation = f.operation;
  }
  const integer = (key: string, min: number, max: number): number | undefined => {
    const v = f[key];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
      throw new FaultSpecError(key, `must be an integer from ${min} to ${max}`);
    }
    return v;
  };
  const status = integer("status", 200, 599);
  const times = integer("times", 1, 1_000_000);
  const delayMs = integer("delayMs", 0, 60_000);
  if (status !== undefined) spec.status = status;
  if (times !== undefined) spec.times = times;
  if (delayMs !== undefined) spec.delayMs = delayMs;
  const retryAfter = integer("retryAfter", 0, 86_400);
  if (retryAfter !== undefined) spec.retryAfter = retryAfter;
  for (const key of ["code", "message"] as const) {
    if (f[key] !== undefined) {
      if (typeof f[key] !== "string" || f[key] === "")
        throw new FaultSpecError(key, "must be a non-empty string");
      spec[key] = f[key] as string;
    }
  }
  if (f.probability !== undefined) {
    if (typeof f.probability !== "number" || !(f.probability >= 0 && f.probability <= 1)) {
      throw new FaultSpecError("probability", "must be a number from 0 to 1");
    }
    if (times !== undefined)
      throw new FaultSpecError("probability", "give either times or probability, not both");
    spec.probability = f.probability;
  }
  if (f.reset !== undefined) {
    if (typeof f.reset !== "boolean") throw new FaultSpecError("reset", "must be true or false");
    spec.reset = f.reset;
  }
  if (spec.status === undefined && !spec.reset && spec.delayMs === undefined) {
    throw new FaultSpecError("status", "give status, reset: true or delayMs");
  }
  if (spec.probability === undefined && spec.times === undefined) spec.times = 1;
  return spec;
}

export class FaultTable {
  private faults: Fault[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(spec: FaultSpec): Fault {
    const fault = { id: this.nextId++, ...spec };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  /** Removes the fault `id`; false when there is none. */
  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first fault that applies to this request, counting it down. */
  take(operationId: string): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.operation !== undefined && fault.operation !== operationId) continue;
      if (fault.probability !== undefined) {
        if (this.random() < fault.probability) return { ...fault };
        continue;
      }
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      return { ...fault };
    }
    return undefined;
  }
}
