import fc from "fast-check";
import {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  type PathSerializer,
} from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { requestUrl } from "./request-url.js";

// The request builder against openapi-fetch's own serialisation, over generated names: the operations build
// their requests without openapi-fetch, and must put on the wire exactly what it would have.

const BASE = "https://api.example/ncf/api/v2";
const RESERVED = [..."!#$&'()*+,/:;=?@[]%\"<>\\^`{|} ~-._"];
const urnPart = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);

/** Names as callers and servers send them: any unicode, reserved characters, URNs with colons. */
const name = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...RESERVED), maxLength: 20 }),
  fc.string({
    unit: fc.oneof(fc.constantFrom(...RESERVED), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 })),
    maxLength: 30,
  }),
  fc
    .tuple(urnPart, urnPart, urnPart, urnPart, fc.option(urnPart, { nil: undefined }))
    .map(([region, project, pkg, fn, version]) =>
      ["urn", "fss", region, project, "function", pkg, fn, ...(version ? [version] : [])].join(":"),
    ),
);
const scalar = fc.oneof(name, fc.integer(), fc.boolean(), fc.constant(undefined));

/** openapi-fetch's URL for the same request (its default serializers unless `pathSerializer` is given). */
const theirs = (
  template: string,
  path: Record<string, string>,
  query: Record<string, unknown>,
  pathSerializer: PathSerializer = defaultPathSerializer,
) =>
  createFinalURL(template, {
    baseUrl: BASE,
    params: { path, query },
    querySerializer: createQuerySerializer(),
    pathSerializer,
  });

describe("requestUrl equals openapi-fetch's serialisation (property)", () => {
  it("path parameters and a query of scalars, with openapi-fetch's default serializers", () => {
    fc.assert(
      fc.property(name, name, scalar, scalar, (packageName, actionName, platform, extra) => {
        const template = "/packages/{packageName}/actions/{actionName}";
        const path = { packageName, actionName };
        const query = { platform, extra };
        let mine: string | Error;
        let expected: string | Error;
        try {
          mine = requestUrl(BASE, template, path, query);
        } catch (error) {
          mine = error as Error;
        }
        try {
          expected = theirs(template, path, query);
        } catch (error) {
          expected = error as Error;
        }
        // A lone surrogate cannot be encoded: both refuse it (URIError).
        if (expected instanceof Error) expect(mine).toBeInstanceOf(URIError);
        else expect(mine).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("FunctionGraph: colons raw, everything else percent-encoded, as its former openapi-fetch path serializer", () => {
    const keepColons = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ":");
    const former: PathSerializer = (pathname, params) =>
      pathname.replace(/\{([^}]+)\}/g, (_, key: string) =>
        encodeURIComponent(String(params[key])).replace(/%3A/gi, ":"),
      );
    fc.assert(
      fc.property(name, (urn) => {
        fc.pre(!/[\uD800-\uDFFF]/.test(urn.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")));
        const template = "/v2/{project_id}/fgs/functions/{function_urn}";
        const path = { project_id: "0123456789abcdef0123456789abcdef", function_urn: urn };
        expect(requestUrl(BASE, template, path, undefined, keepColons)).toBe(
          theirs(template, path, {}, former),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves out undefined and null query values, and keeps a parameter it has no value for", () => {
    expect(requestUrl(BASE, "/packages/{p}", {}, { a: undefined, b: null, c: "x y" })).toBe(
      `${BASE}/packages/{p}?c=x%20y`,
    );
  });
});
