import { list, type SpecSchemas, specString, string } from "../../seed-fields.js";
import type { ApiModule } from "../api-module.js";

// A test-only third cloud (specs in toy.test.ts): the whole of what a new cloud adds besides its spec.

type Toy = { keys: string[]; widgets: string[] };
const toyOf = (state: object) => (state as { toy: Toy }).toy;
const fail = (status: number, code: string) => ({ status, code, message: code });

export const toy: ApiModule = {
  api: "toy",
  section: "toy",
  fields: {
    keys: (raw: unknown, path: string) => list(raw, path).map((k, i) => string(k, `${path}[${i}]`)),
    widgets: (raw: unknown, path: string, spec: SpecSchemas) =>
      list(raw, path).map((w, i) => specString(w, `${path}[${i}]`, spec, "WidgetName", "a widget name")),
  },
  authenticate: (request, { state }) =>
    toyOf(state).keys.includes(request.headers["x-toy-key"] ?? "")
      ? { ok: true, principal: { kind: "toy", deny: [] } }
      : { ok: false, reason: "unknown key", failure: fail(401, "NO_KEY") },
  claimed: () => ({ kind: "none", deny: [] }),
  handlers: {
    deleteWidget({ state, path }) {
      const { widgets } = toyOf(state);
      if (!widgets.includes(path.name as string)) return { status: 404, failure: fail(404, "NO_WIDGET") };
      const change = (next: object) => {
        toyOf(next).widgets = toyOf(next).widgets.filter((w) => w !== path.name);
      };
      return { status: 204, change };
    },
  },
  errorBody: (f) => ({ fault: { code: f.code, text: f.details ?? f.message } }),
  badParameter: () => fail(400, "BAD_PARAMETER"),
  notFound: () => fail(404, "NO_ROUTE"),
  forbidden: () => fail(403, "DENIED"),
  payloadTooLarge: () => fail(413, "TOO_LARGE"),
  internalError: (details) => ({ ...fail(500, "BROKEN"), details }),
  faultCode: String,
};
