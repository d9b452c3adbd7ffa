// The one error of the credential providers: where it looked and what to set, never a value (no key, no
// token, no body a server sent: a metadata or token server may echo what it was given).

/** A credentials provider could not get credentials. */
export class CredentialsError extends Error {
  /** Always `CredentialsError`. */
  override readonly name = "CredentialsError";
  /** The provider, e.g. `huawei-ecs-metadata`. */
  readonly source: string;
  /** The HTTP status of the answer that failed, if one came. */
  readonly status: number | undefined;
  constructor(source: string, message: string, status?: number) {
    super(`${source}: ${message}`);
    this.source = source;
    this.status = status;
  }
}
