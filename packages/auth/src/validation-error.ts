// The one error every fnapi package throws for bad input, before anything is sent. It lives here, in the
// package with no dependencies, so that the signers can throw it and every client re-exports the same class.

/** Thrown before anything is sent when an argument or option breaks a rule of the API. */
export class ValidationError extends TypeError {
  /** Always `ValidationError`. */
  override readonly name = "ValidationError";
  /**
   * The option or argument at fault, as the caller wrote it (`packageName`, `functionUrn`, `secretKey`,
   * `backoff.baseMs`): the name in the TypeScript signature, never the wire name of the spec.
   */
  readonly field: string;
  /** The rule the value must follow. */
  readonly rule: string;
  constructor(field: string, problem: string, rule: string) {
    super(`${field} ${problem}; ${rule}`);
    this.field = field;
    this.rule = rule;
  }
}
