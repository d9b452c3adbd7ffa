// @fnapi/runtime/openapi: the typed openapi-fetch client over a client's settings, in an entry of its own so
// that only its users load openapi-fetch.
export { createOpenapiClient } from "./openapi-client.js";
