import { list, type SpecSchemas, specString, string } from "../../seed-fields.js";
import { defineModule } from "../api-module.js";

// A test-only third cloud (specs in toy.test.ts): the whole of what a new cloud adds besides its spec. Its
// state (`toy.keys`, `toy.widgets`) is typed from its field parsers: no cast, no edit of the core.

const fail = (status: number, code: string) => ({ status, code, message: code });

export const toy = defineModule({
  api: "toy",
  section: "toy",
  fields: {
    keys: (raw: unknown, path: string) => list(raw, path).map((k, i) => string(k, `${path}[${i}]`)),
    widgets: (raw: unknown, path: string, spec: SpecSchemas) =>
      list(raw, path).map((w, i) => specString(w, `${path}[${i}]`, spec, "WidgetName", "a widget name")),
  },
  authenticate: (request, { state }) =>
    state.toy.keys.includes(request.headers["x-toy-key"] ?? "")
      ? { ok: true, principal: { kind: "toy", deny: [] } }
      : { ok: false, reason: "unknown key", failure: fail(401, "NO_KEY") },
  claimed: () => ({ kind: "none", deny: [] }),
  handlers: {
    deleteWidget({ state, path }) {
      if (!state.toy.widgets.includes(path.name as string))
        return { status: 404, failure: fail(404, "NO_WIDGET") };
      return {
        status: 204,
        change: (next) => {
          next.toy.widgets = next.toy.widgets.filter((w) => w !== path.name);
        },
      };
    },
  },
  errorBody: (f) => ({ fault: { code: f.code, text: f.details ?? f.message } }),
  badParameter: () => fail(400, "BAD_PARAMETER"),
  notFound: () => fail(404, "NO_ROUTE"),
  forbidden: () => fail(403, "DENIED"),
  payloadTooLarge: () => fail(413, "TOO_LARGE"),
  internalError: (details) => ({ ...fail(500, "BROKEN"), details }),
  faultCode: String,
});
