import { describe, expect, it } from "vitest";
import { MAX_ERROR_BODY_BYTES, readAtMost, readErrorBody } from "./bounded-body.js";
import { createRedactor, REDACTED } from "./redact.js";

const encoder = new TextEncoder();

/** A body delivered in chunks of `chunkSize` bytes, pulled on demand; records how much was pulled. */
function body(text: string, chunkSize = 4096) {
  const bytes = encoder.encode(text);
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(seen.pulled, seen.pulled + chunkSize));
        seen.pulled += chunkSize;
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

/** A body that never ends. */
function endless(chunk = "x".repeat(65_536)) {
  const bytes = encoder.encode(chunk);
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulled += bytes.byteLength;
        controller.enqueue(bytes);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const utf8Length = (text: string) => encoder.encode(text).byteLength;

describe("readAtMost", () => {
  it("reads a short body whole", async () => {
    const { stream } = body("hello");
    expect(await readAtMost(stream, 100)).toEqual({ text: "hello", truncated: false });
    expect(await readAtMost(null, 100)).toEqual({ text: "", truncated: false });
  });

  it("stops at the bound and cancels the rest of an endless body", async () => {
    const { stream, seen } = endless();
    const { text, truncated } = await readAtMost(stream, 200_000);
    expect(truncated).toBe(true);
    expect(text).toHaveLength(200_000);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(200_000 + 65_536);
  });

  it("decodes a multi-byte character split across chunks", async () => {
    const { stream } = body("é€😀".repeat(100), 3);
    expect((await readAtMost(stream, 10_000)).text).toBe("é€😀".repeat(100));
  });
});

describe("readErrorBody", () => {
  const secret = "S3CR3T-TOKEN-VALUE-0123456789";
  const redact = createRedactor([secret]);

  it("redacts a secret anywhere in a short body", async () => {
    const { stream } = body(`{"echo":"${secret}"}`);
    expect(await readErrorBody(stream, redact)).toBe(`{"echo":"${REDACTED}"}`);
  });

  // Every position where the secret straddles the 64 KiB cut, and a few around them.
  const cut = MAX_ERROR_BODY_BYTES;
  const offsets = [
    cut - secret.length - 1,
    cut - secret.length,
    cut - secret.length + 1,
    cut - 10,
    cut - 1,
    cut,
  ];
  it.each(offsets)("redacts a secret that starts at byte %i whole, and keeps at most 64 KiB", async (at) => {
    const text = `${"a".repeat(at)}${secret}${"b".repeat(100_000)}`;
    const { stream, seen } = body(text);
    const kept = await readErrorBody(stream, redact);
    expect(utf8Length(kept)).toBeLessThanOrEqual(MAX_ERROR_BODY_BYTES);
    expect(kept).toHaveLength(MAX_ERROR_BODY_BYTES);
    for (let length = 4; length <= secret.length; length++) {
      expect(kept).not.toContain(secret.slice(0, length));
    }
    expect(seen.cancelled).toBe(true);
  });

  it("drops a secret cut short by the end of what was read, even when redaction pulls it below the cut", async () => {
    // Each redaction shortens the text (29 characters become 10), so what was read past the cut moves
    // below it: the secret's first half at the very end of the read must not survive.
    const many = secret.repeat(1_000);
    const filler = "c".repeat(cut + secret.length - many.length - 12);
    const text = `${many}${filler}${secret}${"d".repeat(1_000)}`;
    const { stream } = body(text);
    const kept = await readErrorBody(stream, redact);
    expect(kept).not.toContain(secret.slice(0, 6));
    expect(kept.length).toBeLessThanOrEqual(cut);
  });

  it("redacts JSON-escaped and percent-encoded echoes straddling the cut", async () => {
    const slashy = "tok/en with space";
    const redactSlashy = createRedactor([slashy]);
    for (const form of [
      JSON.stringify(slashy).slice(1, -1).replaceAll("/", "\\/"),
      encodeURIComponent(slashy),
    ]) {
      const text = `${"a".repeat(cut - 5)}${form}${"b".repeat(1_000)}`;
      const kept = await readErrorBody(body(text).stream, redactSlashy);
      expect(kept.endsWith(REDACTED.slice(0, 5))).toBe(true);
      expect(kept).not.toContain(form.slice(0, 5));
    }
  });

  it("keeps at most 64 KiB of a multi-byte body", async () => {
    const text = "€".repeat(100_000); // 3 bytes each
    const kept = await readErrorBody(body(text).stream, redact);
    expect(utf8Length(kept)).toBeLessThanOrEqual(MAX_ERROR_BODY_BYTES);
    expect(utf8Length(kept)).toBeGreaterThan(MAX_ERROR_BODY_BYTES - 3);
    expect(kept).toBe("€".repeat(Math.floor(MAX_ERROR_BODY_BYTES / 3))); // cut between characters
  });

  it("keeps at most 64 KiB when redaction makes the text longer", async () => {
    const short = createRedactor(["abcd"]);
    const kept = await readErrorBody(body("abcd".repeat(40_000)).stream, short);
    expect(utf8Length(kept)).toBeLessThanOrEqual(MAX_ERROR_BODY_BYTES);
    expect(kept).not.toContain("abcd");
  });
});
