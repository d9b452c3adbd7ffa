import { NCP_RENEWAL, renewingCredentials } from "@fnapi/auth/credentials";
import type { NcfBuild } from "./ncf.js";

// A bare credentials provider put behind the one renewal cache, with NAVER's rule (15 minutes before expiry,
// waited for at 5) unless the options give another. Only the builds that accept a bare provider import this
// (the all-methods client, the server build): the one-call web entry bundles no renewal cache.
export const renewing: NonNullable<NcfBuild["renewing"]> = (provider, options) =>
  renewingCredentials(provider, { renewal: options.renewal ?? NCP_RENEWAL, clock: options.clock });
