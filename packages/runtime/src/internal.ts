// Helpers fnapi's own clients share. Published so that the clients can import them, with no semver promise:
// anything here may change in any release. Not for use outside the fnapi packages.
export { parseBaseUrl, quoteValue } from "./base-url.js";
export { assertOptionsObject } from "./options-object.js";
export { RETRY_BUDGET_CAPACITY } from "./retry-budget.js";
export { resolveRetryOptions } from "./retry-options.js";
