// A client-wide retry budget, after Smithy's retry quota (the AWS SDKs' "standard" retry mode): a token
// bucket shared by every call of one client. A first attempt is free; a retry takes tokens (more after a
// timeout or a network error, which cost the server most); a success puts one back. A lone call always finds
// the bucket full and gets all its attempts; in a storm (every call failing) the retries of all calls
// together stop once the bucket is empty, so N concurrent calls against a server that only answers 503 send
// at most N + CAPACITY requests, however large `maxAttempts` is.

/** Tokens in a full bucket: the most retries a storm can cause. */
export const RETRY_BUDGET_CAPACITY = 100;

export interface RetryBudget {
  /** Takes `cost` tokens for one retry; false (and nothing taken) when fewer are left. */
  take(cost: number): boolean;
  /** A success: one token back, up to the capacity. */
  refund(): void;
}

export function createRetryBudget(capacity: number = RETRY_BUDGET_CAPACITY): RetryBudget {
  let tokens = capacity;
  return {
    take(cost) {
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
    refund() {
      if (tokens < capacity) tokens++;
    },
  };
}
