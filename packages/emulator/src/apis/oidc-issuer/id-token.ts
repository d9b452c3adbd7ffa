import { createHmac, randomBytes } from "node:crypto";

// The emulator's id tokens: JWTs (HS256) signed with a key only this process holds, so only the emulator's
// own IAM and STS can check them — which is all they stand in for. Claims as GitHub's: iss, sub, aud, iat, exp.

export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
const KEY = randomBytes(32);

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  exp: number;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");
const sign = (data: string) => createHmac("sha256", KEY).update(data).digest("base64url");

export function mintIdToken(claims: IdTokenClaims): string {
  const head = `${b64(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64(JSON.stringify(claims))}`;
  return `${head}.${sign(head)}`;
}

/** The claims of a token this emulator minted and that is still valid, or why not. */
export function verifyIdToken(token: unknown, nowMs: number): IdTokenClaims | { problem: string } {
  if (typeof token !== "string") return { problem: "no id token" };
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature || sign(`${header}.${payload}`) !== signature) {
    return { problem: "the id token's signature is not valid" };
  }
  let claims: IdTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { problem: "the id token is not a JWT" };
  }
  if (claims.exp * 1000 <= nowMs) return { problem: "the id token has expired" };
  return claims;
}
