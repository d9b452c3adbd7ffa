import type { AuthScheme, SignableRequest } from "../auth-scheme.js";
import type { Keys } from "./temporary-credentials.js";

// The scheme of renewing credentials: for each attempt the current keys, and the fixed-keys scheme made for
// them (cached per set of keys). It remembers which keys signed each request: their secrets are redacted from
// its answer, and a 401 their scheme cannot repair (clock skew it can) rejects just them, so a burst of 401s
// causes one renewal.

interface KeySource {
  get(signal?: AbortSignal): Promise<Keys>;
  reject(keys: Keys): boolean;
}

export function renewingAuth(source: KeySource, make: (keys: Keys) => AuthScheme): AuthScheme {
  const schemes = new WeakMap<Keys, AuthScheme>();
  const signedWith = new WeakMap<SignableRequest, Keys>();
  let last: AuthScheme | undefined;
  const schemeFor = (keys: Keys) => {
    let scheme = schemes.get(keys);
    if (!scheme) {
      scheme = make(keys);
      schemes.set(keys, scheme);
    }
    last = scheme;
    return scheme;
  };
  return {
    // The fixed-keys scheme's name once keys have arrived (`ncp-signature-v2`…); never a secret.
    get name() {
      return last?.name ?? "renewing-credentials";
    },
    async authorize(request, signal) {
      const keys = await source.get(signal);
      signedWith.set(request, keys);
      await schemeFor(keys).authorize(request, signal);
    },
    secrets(request) {
      const keys = request && signedWith.get(request);
      return keys ? schemeFor(keys).secrets(request) : [];
    },
    onUnauthorized(response, request) {
      const keys = signedWith.get(request);
      if (!keys) return false;
      return schemeFor(keys).onUnauthorized?.(response, request) === true || source.reject(keys);
    },
  };
}
