import type { ValidationError } from "@fnapi/ncf-client";
import { type Text, text } from "./text.js";
import { fieldKey, validationMessage } from "./validation-message.js";

// Hints for two mistakes a message alone does not explain: a base URL with the wrong API prefix, and a
// --platform in a zone that has one platform.

/**
 * A 404 (or FunctionGraph's APIGW.0101, no such API) whose path misses or doubles the API prefix: the base
 * URL is wrong, and the hint names the right form.
 */
export function baseUrlHint(error: { status: number; code?: string | undefined; url: string }): Text {
  if (error.status !== 404 && error.code !== "APIGW.0101") return text``;
  let path: string;
  try {
    path = new URL(error.url).pathname;
  } catch {
    return text``;
  }
  const fgs = /\/fgs\/functions(\/|$)/.test(path);
  if (fgs) {
    if (/^\/v2\/[^/]+\/fgs\//.test(path)) return text``;
    return text`\nThe path ${path.split("/fgs/")[0]}/… has more than /v2/<project_id>: FunctionGraph's --base-url is the bare host (https://functiongraph.cn-north-4.myhuaweicloud.com, or http://127.0.0.1:4010 for the emulator), without /v2.`;
  }
  if (!/\/(packages|actions)(\/|$)/.test(path)) return text``;
  // Anywhere in the path (a proxy may put its own prefix first): once is right.
  const prefixes = path.match(/\/api\/v2\//g)?.length ?? 0;
  const twice = prefixes > 1;
  if (prefixes === 1) return text``;
  return twice
    ? text`\nThe path holds the API prefix twice: give --base-url once with it (…/ncf/api/v2, no more).`
    : text`\nThe path misses NCF's API prefix: --base-url must end in /ncf/api/v2 (https://cloudfunctions.apigw.ntruss.com/ncf/api/v2, or http://127.0.0.1:4010/ncf/api/v2 for the emulator; the finance and government zones: /api/v2).`;
}

/**
 * A --platform that the zone does not have: what is wrong, then the one fix, in flag names (never "pass
 * --platform vpc or classic", which would contradict the zone).
 */
export function zoneRefusal(error: ValidationError): Text | undefined {
  if (fieldKey(error.field) !== "platform" || !/leave platform out/.test(error.rule)) return undefined;
  const message = validationMessage(error);
  const at = message.indexOf(`; ${error.rule}`);
  const what = at === -1 ? message : message.slice(0, at);
  const fix = error.rule.replace("leave platform out", "leave --platform out");
  return text`${what}\n${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`;
}
