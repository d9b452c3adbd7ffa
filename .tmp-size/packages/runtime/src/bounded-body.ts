import type { Redactor } from "./redact.js";

/** The most of an error body an error keeps: past this it is cut (and the rest is never downloaded). */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** The most of a 2xx body an operation that returns data reads. */
export const MAX_DATA_BODY_BYTES = 4 * 1024 * 1024;

export interface BoundedText {
  text: string;
  /** Whether the body went on past `maxBytes` (the rest was cancelled). */
  truncated: boolean;
}

/**
 * Reads at most `maxBytes` (+ `margin`) of a body as UTF-8 text, then cancels the rest. The body is read as
 * it is delivered: with a compressed response the runtime inflates chunk by chunk, so a bomb stops here.
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BoundedText> {
  if (!stream) return { text: "", truncated: false };
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode(), truncated: false };
      const take = value.subarray(0, maxBytes - size);
      size += take.byteLength;
      text += decoder.decode(take, { stream: true });
    }
    return { text: text + decoder.decode(), truncated: true };
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * An error body made safe to keep: redacted first, then cut to `maxBytes` of UTF-8 (at a character
 * boundary). It is read with a margin of the longest secret's length, so that a secret straddling the cut is
 * still seen whole and redacted; a secret cut short by the end of what was read is dropped with the rest.
 */
export async function readErrorBody(
  stream: ReadableStream<Uint8Array> | null,
  redact: Redactor,
  maxBytes: number = MAX_ERROR_BODY_BYTES,
): Promise<string> {
  const { text, truncated } = await readAtMost(stream, maxBytes + redact.longest);
  const whole = truncated ? text.slice(0, text.length - redact.partialSuffix(text)) : text;
  return cutUtf8(redact(whole), maxBytes);
}

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character (`encodeInto` writes whole ones only). */
function cutUtf8(text: string, maxBytes: number): string {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: short texts need no encoding.
  if (text.length * 3 <= maxBytes) return text;
  return text.slice(0, new TextEncoder().encodeInto(text, new Uint8Array(maxBytes)).read);
}
