import type { RenewingCredentials } from "@fnapi/auth";
import { NCP_RENEWAL, renewingCredentials } from "@fnapi/auth/credentials";
import { ValidationError } from "@fnapi/runtime";
import type { NcfBuild } from "./ncf.js";

// The `credentials` option (or a provider the chain found) as renewing credentials: a bare provider goes
// behind the one renewal cache, with NAVER's rule (15 minutes before expiry, waited for at 5) unless the
// options give another. Only the builds that accept a bare provider import this (the all-methods client, the
// server build): the one-call web entry bundles no renewal cache.
export const renewing: NonNullable<NcfBuild["renewing"]> = (given, options) => {
  if (options.accessKey !== undefined || options.secretKey !== undefined) {
    throw new ValidationError(
      "credentials",
      "are given twice (accessKey/secretKey and credentials)",
      "give either accessKey and secretKey, or credentials",
    );
  }
  if (typeof given === "function") {
    return renewingCredentials(given as Parameters<typeof renewingCredentials>[0], {
      renewal: options.renewal ?? NCP_RENEWAL,
      clock: options.clock,
    });
  }
  if (typeof (given as Partial<RenewingCredentials> | null)?.auth !== "function") {
    throw new ValidationError(
      "credentials",
      `is ${given === null ? "null" : typeof given}`,
      "give an async provider of { accessKey, secretKey, expiresAt? }, or renewingCredentials(provider)",
    );
  }
  return given as RenewingCredentials;
};
