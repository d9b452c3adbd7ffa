// When cached credentials are renewed: one rule for every provider, with each vendor's numbers.
//
// - `refreshBeforeMs`: from this long before the expiry a call starts a renewal (one in flight), and keeps
//   using the cached keys while it runs, unless they are within `requiredBeforeMs`, when it waits for it.
// - Both are capped at half the keys' lifetime (as obtained), so short-lived keys (15-minute STS keys under
//   Huawei's 40-minute rule) are still used for half their life instead of being renewed on every call.

/** How long before expiry credentials are renewed. */
export interface RenewalRule {
  /** Start a renewal this long before the expiry (the cached keys are still used meanwhile). */
  readonly refreshBeforeMs: number;
  /** From this long before the expiry, calls wait for the renewal. At most `refreshBeforeMs`. */
  readonly requiredBeforeMs: number;
}

const MINUTE = 60_000;

/** Huawei's SDKs: renew when less than 40 minutes remain (Python/Go `…ExpirationThreshold…`), and wait. */
export const HUAWEI_RENEWAL: RenewalRule = { refreshBeforeMs: 40 * MINUTE, requiredBeforeMs: 40 * MINUTE };
/** NAVER's SDK: renewal advised 15 minutes before the expiry, required at 5. */
export const NCP_RENEWAL: RenewalRule = { refreshBeforeMs: 15 * MINUTE, requiredBeforeMs: 5 * MINUTE };

/** The two instants of one set of keys: when to start a renewal, and when to wait for it. */
export function renewalTimes(
  rule: RenewalRule,
  obtainedAt: number,
  expiresAt: number,
): { refreshAt: number; requiredAt: number } {
  if (!Number.isFinite(expiresAt)) return { refreshAt: Infinity, requiredAt: Infinity };
  const half = Math.max(0, (expiresAt - obtainedAt) / 2);
  const required = Math.min(rule.requiredBeforeMs, rule.refreshBeforeMs, half);
  return {
    refreshAt: expiresAt - Math.min(rule.refreshBeforeMs, half),
    requiredAt: expiresAt - required,
  };
}
