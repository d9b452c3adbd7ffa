import type { AuthScheme } from "@fnapi/auth";
import type { Middleware } from "openapi-fetch";

export type { AuthScheme };

/** openapi-fetch middleware that authenticates every request with `scheme`. Register it last. */
export function authMiddleware(scheme: AuthScheme): Middleware {
  return {
    async onRequest({ request }) {
      await scheme.authorize(request, request.signal);
      return request;
    },
  };
}
