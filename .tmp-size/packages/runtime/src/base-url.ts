import { ValidationError } from "./errors.js";

/**
 * Checks a client's `baseUrl`: an absolute http(s) URL without credentials, query or fragment (each would
 * be signed into or sent with every request, or leak into every error message). Returns it without a
 * trailing slash.
 */
export function parseBaseUrl(value: unknown, field = "baseUrl"): string {
  const rule = "it must be an absolute http(s) URL without user:password@, query or fragment";
  if (typeof value !== "string" || value === "") {
    throw new ValidationError(field, "is missing", rule);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError(field, `${quoteValue(value)} is not an absolute URL`, rule);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ValidationError(field, `has the scheme ${quoteValue(url.protocol)}`, rule);
  }
  // The message never quotes a URL with credentials in it.
  if (url.username !== "" || url.password !== "")
    throw new ValidationError(field, "contains credentials", rule);
  if (url.search !== "" || value.includes("?")) throw new ValidationError(field, "has a query", rule);
  if (url.hash !== "" || value.includes("#")) throw new ValidationError(field, "has a fragment", rule);
  return url.href.replace(/\/+$/, "");
}

/** JSON-quoted and cut to 80 characters: enough to recognise a value, never a wall of text. */
export function quoteValue(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
