import { describe, expect, it } from "vitest";
import { canonicalUri } from "./huawei-canonical.js";
import { rfc3986Encode, safeDecode } from "./rfc3986.js";

// canonicalUri has a shortcut for paths of unreserved characters, `/` and `:` (every FunctionGraph path:
// a URN's colons are its only escapes). It must agree with the rule it shortcuts — each segment decoded,
// RFC 3986-encoded, `/` kept, a trailing `/` — on every path, those it takes and those it leaves.
const reference = (pathname: string) => {
  const encoded = pathname
    .split("/")
    .map((segment) => rfc3986Encode(safeDecode(segment)))
    .join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
};

function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe("canonicalUri", () => {
  it("gives what the per-segment encoder gives, for generated paths with and without the shortcut", () => {
    const next = random(23);
    const plain = [..."abcXYZ019-._~:/"];
    // Whole code points: a URL's pathname never holds a lone surrogate.
    const other = [...plain, ..."%2F%3a%41!'()*@&=+$, é𝄞"];
    for (let i = 0; i < 2000; i++) {
      const alphabet = i % 2 ? plain : other;
      let path = "/";
      for (let n = Math.floor(next() * 40); n > 0; n--)
        path += alphabet[Math.floor(next() * alphabet.length)];
      // A literal `%` that starts no escape is kept as it is by both.
      expect(canonicalUri(path), path).toBe(reference(path));
    }
  });

  it("escapes a URN's colons and adds the trailing slash", () => {
    expect(canonicalUri("/v2/p/fgs/functions/urn:fss:cn-north-4:p:function:default:hello")).toBe(
      "/v2/p/fgs/functions/urn%3Afss%3Acn-north-4%3Ap%3Afunction%3Adefault%3Ahello/",
    );
    expect(canonicalUri("/a%3Ab/c!")).toBe("/a%3Ab/c%21/");
  });
});
