import {
  instant,
  list,
  object,
  onlyKeys,
  type SpecSchemas,
  specString,
  string,
  unique,
  withOptional,
} from "../../seed-fields.js";

// IAM's part of the `huawei` section: tokens (seeded, or issued by createUserToken), the users who may log
// in, and the projects they may scope to. Project ids follow specs/iam.yaml's ProjectId schema.

export interface HuaweiToken {
  token: string;
  /** ISO-8601; the token is refused from this instant on. */
  expiresAt: string;
  /** When set, the token is accepted only for this project (tokens issued by createUserToken always are). */
  projectId?: string;
}

export interface HuaweiUser {
  domain: string;
  name: string;
  password: string;
}

export interface HuaweiProject {
  id: string;
  /** The region name IAM scopes by (`cn-north-4`). */
  name: string;
}

export interface IamSection {
  tokens: HuaweiToken[];
  users: HuaweiUser[];
  projects: HuaweiProject[];
}

const PROJECT_TEXT = "32 letters or digits";

export const iamFields = {
  tokens: (raw: unknown, path: string, spec: SpecSchemas): HuaweiToken[] =>
    list(raw, path).map((item, i) => {
      const at = `${path}[${i}]`;
      const t = object(item, at);
      onlyKeys(t, at, ["token", "expiresAt", "projectId"]);
      return withOptional(
        { token: string(t.token, `${at}.token`), expiresAt: instant(t.expiresAt, `${at}.expiresAt`) },
        {
          projectId:
            t.projectId === undefined
              ? undefined
              : specString(t.projectId, `${at}.projectId`, spec, "ProjectId", PROJECT_TEXT),
        },
      );
    }),
  users(raw: unknown, path: string): HuaweiUser[] {
    const users = list(raw, path).map((item, i) => {
      const at = `${path}[${i}]`;
      const u = object(item, at);
      onlyKeys(u, at, ["domain", "name", "password"]);
      return {
        domain: string(u.domain, `${at}.domain`),
        name: string(u.name, `${at}.name`),
        password: string(u.password, `${at}.password`),
      };
    });
    unique(users, (u) => `${u.domain}/${u.name}`, path, "the user");
    return users;
  },
  projects(raw: unknown, path: string, spec: SpecSchemas): HuaweiProject[] {
    const projects = list(raw, path).map((item, i) => {
      const at = `${path}[${i}]`;
      const p = object(item, at);
      onlyKeys(p, at, ["id", "name"]);
      return {
        id: specString(p.id, `${at}.id`, spec, "ProjectId", PROJECT_TEXT),
        name: string(p.name, `${at}.name`),
      };
    });
    unique(projects, (p) => p.id, path, "the project id");
    return projects;
  },
};
