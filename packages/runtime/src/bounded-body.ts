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
 * An error body made safe to keep: redacted first, then cut to `maxChars`. It is read with a margin of the
 * longest secret's length, so that a secret straddling the cut is still seen whole and redacted; a secret
 * cut short by the end of what was read is dropped with the rest.
 */
export async function readErrorBody(
  stream: ReadableStream<Uint8Array> | null,
  redact: Redactor,
  maxChars: number = MAX_ERROR_BODY_BYTES,
): Promise<string> {
  const { text, truncated } = await readAtMost(stream, maxChars + redact.longest);
  const whole = truncated ? text.slice(0, text.length - redact.partialSuffix(text)) : text;
  const safe = redact(whole);
  return safe.length > maxChars ? safe.slice(0, maxChars) : safe;
}
