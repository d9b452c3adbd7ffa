import { createHash, timingSafeEqual } from "node:crypto";
import type { HuaweiState } from "../fgs/state.js";
import type { HuaweiProject, HuaweiToken, HuaweiUser } from "./state.js";

// IAM's password login as a plain function over the state: no HTTP, and the state it is given is not
// changed. The token it issues goes (through the change it returns) into `huawei.tokens`, scoped to the project and valid 24 hours (emulator clock). Issued tokens that have
// expired are dropped at each login, and at most MAX_ISSUED_TOKENS are kept (the oldest go first); seeded
// tokens are left alone.

export const TOKEN_LIFETIME_MS = 24 * 60 * 60_000;
export const MAX_ISSUED_TOKENS = 1000;
export const ISSUED_TOKEN_PREFIX = "MIIemulator";

export interface Login {
  domain: string;
  user: string;
  password: string;
  /** The requested scope: a project id or a project (region) name. */
  project: { id: string } | { name: string };
}

export type IamError = { error: "WrongCredentials" } | { error: "BadScope"; details: string };

export interface Issued {
  /** Adds the token (and drops expired or surplus issued ones): applied by the state store. */
  change: (state: HuaweiState) => void;
  token: HuaweiToken;
  user: HuaweiUser;
  project: HuaweiProject;
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash("sha256").update(a).digest();
  const y = createHash("sha256").update(b).digest();
  return timingSafeEqual(x, y);
}

/** The projects the emulator knows: the seed's `huawei.projects`, then one per region and project of a function URN. */
export function knownProjects(state: HuaweiState): HuaweiProject[] {
  const projects = [...state.huawei.projects];
  for (const fn of state.huawei.functions) {
    const [, , region, id] = fn.urn.split(":");
    if (region && id && !projects.some((p) => p.id === id)) projects.push({ id, name: region });
  }
  return projects;
}

/** The tokens to keep when one is added at `now`: seeded ones, and issued ones still valid, capped. */
export function keptTokens(tokens: HuaweiToken[], now: number, cap = MAX_ISSUED_TOKENS): HuaweiToken[] {
  const issued = (t: HuaweiToken) => t.token.startsWith(ISSUED_TOKEN_PREFIX);
  const valid = tokens.filter((t) => !issued(t) || Date.parse(t.expiresAt) > now);
  let surplus = valid.filter(issued).length - (cap - 1);
  return surplus <= 0 ? valid : valid.filter((t) => !(issued(t) && surplus-- > 0));
}

export function createUserToken(
  state: HuaweiState,
  login: Login,
  now: number,
  secret: string,
): Issued | IamError {
  const account = state.huawei.users.find((u) => u.domain === login.domain && u.name === login.user);
  // The same answer whether the user or the password is wrong, and the password is compared in constant time.
  if (!account || !sameSecret(account.password, login.password)) return { error: "WrongCredentials" };
  const projects = knownProjects(state);
  let project: HuaweiProject | undefined;
  if ("id" in login.project) {
    const id = login.project.id;
    // Assumption: any well-formed project id may be requested; its name is known only for known projects.
    if (!/^[A-Za-z0-9]{32}$/.test(id))
      return { error: "BadScope", details: "auth.scope.project.id must be 32 letters or digits." };
    project = projects.find((p) => p.id === id) ?? { id, name: "unknown" };
  } else {
    const name = login.project.name;
    project = projects.find((p) => p.name === name);
    if (!project) return { error: "BadScope", details: `No project is named ${JSON.stringify(name)}.` };
  }
  const token: HuaweiToken = {
    token: `${ISSUED_TOKEN_PREFIX}${secret}`,
    expiresAt: new Date(now + TOKEN_LIFETIME_MS).toISOString(),
    projectId: project.id,
  };
  const change = (next: HuaweiState) => {
    next.huawei.tokens = [...keptTokens(next.huawei.tokens, now), token];
  };
  return { change, token, user: account, project };
}
