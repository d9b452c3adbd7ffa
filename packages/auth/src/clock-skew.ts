import { type Clock, systemClock } from "./clock.js";

// Signatures carry the signer's time, and the gateways refuse one too far from theirs (NCP: 5 minutes,
// Huawei: 15). When a request is refused and the response's `Date` shows our clock is off, the clients
// adopt the server's offset and sign once more, as the AWS SDKs do.

/** Larger differences than this between the server's `Date` and ours count as skew. */
const SKEW_THRESHOLD_MS = 60_000;

export interface SkewedClock {
  /** The corrected time. Pass this to the signers. */
  now: Clock;
  /**
   * Adopts the offset shown by a response's `Date` header when it differs from the local time by more
   * than a minute. Returns whether the offset changed.
   */
  adjustFrom(response: Response): boolean;
}

export function createSkewedClock(base: Clock = systemClock): SkewedClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    adjustFrom(response) {
      const serverTime = Date.parse(response.headers.get("date") ?? "");
      if (Number.isNaN(serverTime)) return false;
      const skew = serverTime - (base() + offset);
      if (Math.abs(skew) <= SKEW_THRESHOLD_MS) return false;
      offset += skew;
      return true;
    },
  };
}
