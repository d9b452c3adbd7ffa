import { createHash, randomBytes } from "node:crypto";
import { ANONYMOUS } from "../../auth-common.js";
import { defineModule, failure } from "../api-module.js";
import type { HuaweiState } from "../fgs/state.js";
import { createUserToken, type Login } from "./backend.js";
import { type IamSection, iamFields } from "./state.js";

// Huawei IAM (specs/iam.yaml): POST /v3/auth/tokens with the password method, no authentication; errors in
// Keystone's `{error: {code, title, message}}` shape.

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A stable 32-hex id for a name (user and domain ids the emulator makes up). */
const idOf = (kind: string, name: string) =>
  createHash("sha256").update(`${kind}:${name}`).digest("hex").slice(0, 32);

const badRequest = (message: string) => failure(400, "400", "Bad Request", message);

/** The login the body asks for, or what is wrong with it. */
function loginOf(bodyBytes: Uint8Array): Login | string {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(bodyBytes).toString("utf8"));
  } catch {
    return "The request body must be JSON.";
  }
  const auth = isObject(body) && isObject(body.auth) ? body.auth : undefined;
  const identity = isObject(auth?.identity) ? auth.identity : undefined;
  const methods = Array.isArray(identity?.methods) ? identity.methods : [];
  if (!methods.includes("password")) return "auth.identity.methods must include password.";
  const user =
    isObject(identity?.password) && isObject(identity.password.user) ? identity.password.user : undefined;
  const domain = isObject(user?.domain) ? user.domain : undefined;
  if (
    typeof user?.name !== "string" ||
    typeof user.password !== "string" ||
    typeof domain?.name !== "string"
  ) {
    return "auth.identity.password.user needs name, password and domain.name.";
  }
  const scope = isObject(auth?.scope) && isObject(auth.scope.project) ? auth.scope.project : undefined;
  const project =
    typeof scope?.id === "string"
      ? { id: scope.id }
      : typeof scope?.name === "string"
        ? { name: scope.name }
        : undefined;
  if (!project) return "auth.scope.project needs id or name.";
  return { domain: domain.name, user: user.name, password: user.password, project };
}

export const iam = defineModule<"huawei", IamSection, HuaweiState>({
  api: "iam",
  section: "huawei",
  fields: iamFields,
  authenticate: () => ({ ok: true, principal: ANONYMOUS }),
  claimed: () => ANONYMOUS,
  handlers: {
    createUserToken(c) {
      const login = loginOf(c.body);
      if (typeof login === "string") return badRequest(login);
      const issued = createUserToken(c.state, login, c.now, randomBytes(96).toString("base64url"));
      if ("error" in issued) {
        if (issued.error === "BadScope") return badRequest(issued.details);
        return failure(401, "401", "Unauthorized", "The username or password is wrong.");
      }
      const { token, user, project } = issued;
      const domainRef = { id: idOf("domain", user.domain), name: user.domain };
      return {
        status: 201,
        change: issued.change,
        headers: { "X-Subject-Token": token.token },
        body: {
          token: {
            expires_at: token.expiresAt,
            issued_at: new Date(c.now).toISOString(),
            methods: ["password"],
            user: {
              id: idOf("user", `${user.domain}/${user.name}`),
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
  errorBody: (f) => ({
    error: {
      code: Number.parseInt(f.code, 10) || f.status,
      title: f.message,
      message: f.details ?? f.message,
    },
  }),
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
  internalError: (details) => ({ status: 500, code: "500", message: "Internal Server Error", details }),
  faultCode: (status) => String(status),
});
