// The `ncp.serverRole` state: the role, the lifetime of its keys, and the keys issued so far.

export interface ServerRoleKey {
  accessKey: string;
  secretKey: string;
  expiresAt: string;
}

export interface ServerRoleSeed {
  roleId: string;
  lifetimeSeconds: number;
  issued: ServerRoleKey[];
}

export const roleOf = (state: object) => (state as { ncp: { serverRole?: ServerRoleSeed } }).ncp.serverRole;

/** NCF's gateway asks this for an access key it does not know: the issued key, `expired`, or undefined. */
export function serverRoleCredential(state: object, accessKey: string, now: number) {
  const key = roleOf(state)?.issued.find((k) => k.accessKey === accessKey);
  if (!key) return undefined;
  if (now >= Date.parse(key.expiresAt)) return "expired" as const;
  return { accessKey: key.accessKey, secretKey: key.secretKey };
}
