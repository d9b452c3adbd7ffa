// Which credential a logged request names, for the inspector's list (why a refused one was refused is the
// refusing module's: its authentication's `explain`).

const TOKEN_TAIL = 4;

/** Which credential a request names, never a secret: an access key, or a token as `****` and its last 4 characters. */
export function credentialOf(headers: Record<string, string | undefined>): string | undefined {
  const ncp = headers["x-ncp-iam-access-key"];
  if (ncp !== undefined) return ncp.slice(0, 128);
  const token = headers["x-auth-token"];
  if (token !== undefined) return `token ****${token.length > 16 ? token.slice(-TOKEN_TAIL) : ""}`;
  const access = /Access=([^,\s]{1,128})/.exec(headers.authorization ?? "")?.[1];
  return access;
}
