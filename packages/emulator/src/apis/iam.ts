import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { EmulatorState, HuaweiProject } from "../seed.js";
import { type ApiModule, failure } from "./api-module.js";

// Huawei IAM (specs/iam.yaml): POST /v3/auth/tokens with the password method. The token it issues goes into
// the state's `huawei.tokens`, scoped to the requested project and valid 24 hours, so FunctionGraph accepts
// it until it expires (emulator clock).

export const TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A stable 32-hex id for a name (user and domain ids the emulator makes up). */
const idOf = (kind: string, name: string) =>
  createHash("sha256").update(`${kind}:${name}`).digest("hex").slice(0, 32);

function sameText(a: string, b: string): boolean {
  const x = createHash("sha256").update(a).digest();
  const y = createHash("sha256").update(b).digest();
  return timingSafeEqual(x, y);
}

/** The projects the emulator knows: the seed's `huawei.projects`, then one per region and project of a function URN. */
export function knownProjects(state: EmulatorState): HuaweiProject[] {
  const projects = [...state.huawei.projects];
  for (const fn of state.huawei.functions) {
    const [, , region, id] = fn.urn.split(":");
    if (region && id && !projects.some((p) => p.id === id)) projects.push({ id, name: region });
  }
  return projects;
}

const badRequest = (message: string) => failure(400, "400", "Bad Request", message);

export const iam: ApiModule = {
  api: "iam",
  handlers: {
    createUserToken(c) {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.from(c.body).toString("utf8"));
      } catch {
        return badRequest("The request body must be JSON.");
      }
      const auth = isObject(body) && isObject(body.auth) ? body.auth : undefined;
      const identity = isObject(auth?.identity) ? auth.identity : undefined;
      const methods = Array.isArray(identity?.methods) ? identity.methods : [];
      if (!methods.includes("password")) return badRequest("auth.identity.methods must include password.");
      const user =
        isObject(identity?.password) && isObject(identity.password.user) ? identity.password.user : undefined;
      const domain = isObject(user?.domain) ? user.domain : undefined;
      if (
        typeof user?.name !== "string" ||
        typeof user.password !== "string" ||
        typeof domain?.name !== "string"
      ) {
        return badRequest("auth.identity.password.user needs name, password and domain.name.");
      }
      const scope = isObject(auth?.scope) && isObject(auth.scope.project) ? auth.scope.project : undefined;
      if (typeof scope?.id !== "string" && typeof scope?.name !== "string") {
        return badRequest("auth.scope.project needs id or name.");
      }
      const account = c.state.huawei.users.find((u) => u.domain === domain.name && u.name === user.name);
      // The same answer whether the user or the password is wrong, and the password is compared in constant time.
      if (!account || !sameText(account.password, user.password as string)) {
        return failure(401, "401", "Unauthorized", "The username or password is wrong.");
      }
      const projects = knownProjects(c.state);
      let project: HuaweiProject | undefined;
      if (typeof scope.id === "string") {
        // Assumption: any well-formed project id may be requested; its name is known only for known projects.
        if (!/^[A-Za-z0-9]{32}$/.test(scope.id))
          return badRequest("auth.scope.project.id must be 32 letters or digits.");
        project = projects.find((p) => p.id === scope.id) ?? { id: scope.id, name: "unknown" };
      } else {
        project = projects.find((p) => p.name === scope.name);
        if (!project) return badRequest(`No project is named ${JSON.stringify(scope.name)}.`);
      }
      const token = `MIIemulator${randomBytes(96).toString("base64url")}`;
      const issuedAt = new Date(c.now).toISOString();
      const expiresAt = new Date(c.now + TOKEN_LIFETIME_MS).toISOString();
      c.state.huawei.tokens.push({ token, expiresAt, projectId: project.id });
      const domainRef = { id: idOf("domain", domain.name), name: domain.name };
      return {
        status: 201,
        changed: true,
        headers: { "X-Subject-Token": token },
        body: {
          token: {
            expires_at: expiresAt,
            issued_at: issuedAt,
            methods: ["password"],
            user: {
              id: idOf("user", `${domain.name}/${user.name}`),
              name: user.name,
              password_expires_at: "",
              domain: domainRef,
            },
            project: { id: project.id, name: project.name, domain: domainRef },
            roles: [],
            // The spec: any non-empty `nocatalog` counts as true.
            ...(c.query.nocatalog ? {} : { catalog: [] }),
          },
        },
      };
    },
  },
  badParameter: (_op, name, rule) => ({
    status: 400,
    code: "400",
    message: "Bad Request",
    details: `${name} ${rule}`,
  }),
  notFound: () => ({
    status: 404,
    code: "404",
    message: "Not Found",
    details: "The resource could not be found.",
  }),
  forbidden: () => ({
    status: 403,
    code: "403",
    message: "Forbidden",
    details: "You are not authorized to perform the requested action.",
  }),
  payloadTooLarge: () => ({ status: 413, code: "413", message: "Request Entity Too Large" }),
  faultCode: (status) => String(status),
};
