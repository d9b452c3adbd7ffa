// A tiny API in openapi-typescript's shape, for the client kit's tests: a DELETE that answers 204 and a GET
// that answers JSON, both under one path with a path parameter, and a POST without parameters.

type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type Headers = { [name: string]: unknown };
type ErrorBody = {
  headers: Headers;
  content: { "application/json": { error: { code: string; message: string } } };
};

export interface paths {
  "/things/{id}": {
    parameters: NoParameters;
    get: {
      parameters: { query?: { verbose?: boolean }; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Headers; content: { "application/json": { id: string; size: number } } };
        404: ErrorBody;
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 204: { headers: Headers; content?: never }; 404: ErrorBody };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/things": {
    parameters: NoParameters;
    get?: never;
    put?: never;
    post: {
      parameters: NoParameters;
      requestBody: { content: { "application/json": { name: string } } };
      responses: {
        201: { headers: Headers; content: { "application/json": { id: string } } };
        409: ErrorBody;
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
