import fc from "fast-check";

/**
 * Printable-ASCII secrets with some entropy, so that a coincidental match in a stack trace is impossible. No
 * commas: the clients refuse keys with commas, which no vendor issues.
 */
export function secretArbitrary(maxLength: number): fc.Arbitrary<string> {
  return fc
    .string({
      unit: fc
        .integer({ min: 0x21, max: 0x7e })
        .filter((c) => c !== 0x2c)
        .map((c) => String.fromCharCode(c)),
      minLength: 12,
      maxLength,
    })
    .filter((s) => new Set(s).size >= 6);
}
