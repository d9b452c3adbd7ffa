// Byte/text helpers shared by the signers. Web-platform APIs only (TextEncoder, btoa), so the same code runs
// in Node >= 20, browsers, Deno, Bun and edge runtimes.

const utf8 = new TextEncoder();

export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  return utf8.encode(text) as Uint8Array<ArrayBuffer>;
}

// A digest as text. A string is one the runtime already encoded (node:crypto's `hmacSha256Text`, `sha256Hex`:
// native, and faster than any loop here) and passes through.

export function toHex(bytes: Uint8Array | string): string {
  return typeof bytes === "string"
    ? bytes
    : Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function toBase64(bytes: Uint8Array | string): string {
  return typeof bytes === "string" ? bytes : btoa(String.fromCharCode(...bytes));
}
