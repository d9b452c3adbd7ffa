// @fnapi/runtime/openapi: the typed openapi-fetch client over a client's settings, in an entry of its own so
// that only its users load openapi-fetch.
// The types its declarations use, as the root entry has them (types only: nothing more is loaded).
export type * from "./index.js";
export { createOpenapiClient } from "./openapi-client.js";
