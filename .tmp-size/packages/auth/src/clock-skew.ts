import { type Clock, systemClock } from "./clock.js";

// Signatures carry the signer's time, and the gateways refuse one too far from theirs (NCP: 5 minutes,
// Huawei: 15). When a request is refused as unauthenticated and the response's `Date` shows our clock is
// off, the schemes adopt the server's offset and sign once more, as the AWS SDKs do.
//
// A response can lie about the time. So the offset is adopted only from an authentication failure (the
// caller's business: only `onUnauthorized` calls `adjustFrom`), only when it is more than a minute and at
// most a day (a wrong time zone is 1–14 hours off; more is not a clock we should trust), and the corrected
// time always stays a valid date, so one response can never leave a client unable to sign.

/** Differences up to this between the server's `Date` and ours are not skew. */
export const SKEW_THRESHOLD_MS = 60_000;
/** The largest offset ever adopted. */
export const MAX_SKEW_MS = 24 * 60 * 60_000;

export interface SkewedClock {
  /** The corrected time. Pass this to the signers. */
  now: Clock;
  /** Adopts the offset a 401's `Date` header shows, within the bounds above. Returns whether it changed. */
  adjustFrom(response: Response): boolean;
}

export function createSkewedClock(base: Clock = systemClock): SkewedClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    adjustFrom(response) {
      const serverTime = Date.parse(response.headers.get("date") ?? "");
      if (!Number.isFinite(serverTime)) return false;
      const local = base();
      const next = serverTime - local;
      if (Math.abs(next) > MAX_SKEW_MS) return false;
      if (Math.abs(next - offset) <= SKEW_THRESHOLD_MS) return false;
      offset = next;
      return true;
    },
  };
}
