import { describe, expect, it } from "vitest";
import {
  ApiError,
  NetworkError,
  ProtocolError,
  RedirectError,
  ResponseBodyError,
  TimeoutError,
} from "./errors.js";

const site = { method: "DELETE", url: "https://api.example/v2/things/a" };

// One toJSON (CallError's) serves every class: the name, the message and the error's own fields, never the
// body (kept on the error for inspection) and never the cause (the runtime's error, redacted but not data).
describe("toJSON of every error class", () => {
  it("ApiError: status, code, details and request id, without the body", () => {
    const error = new ApiError(
      { status: 404, code: "80101", message: "not found", details: "d", requestId: "r1", body: "BODY" },
      site,
      2,
    );
    expect(error.body).toBe("BODY");
    expect(error.toJSON()).toStrictEqual({
      name: "ApiError",
      message: "not found",
      method: "DELETE",
      url: site.url,
      attempts: 2,
      status: 404,
      code: "80101",
      details: "d",
      requestId: "r1",
    });
    expect(JSON.stringify(error)).not.toContain("BODY");
    // The same keys in the same order as before the classes shared one toJSON.
    expect(Object.keys(error.toJSON())).toEqual([
      "name",
      "message",
      "method",
      "url",
      "attempts",
      "status",
      "code",
      "details",
      "requestId",
    ]);
  });

  it("a subclass's name and fields, e.g. a vendor ApiError", () => {
    class VendorApiError extends ApiError {
      override name = "VendorApiError";
    }
    const json = new VendorApiError(
      { status: 500, code: undefined, message: "m", body: "" },
      site,
      1,
    ).toJSON();
    expect(json).toMatchObject({ name: "VendorApiError", status: 500, attempts: 1 });
    expect(json).not.toHaveProperty("body");
  });

  it("RedirectError, TimeoutError, ResponseBodyError, ProtocolError: their own fields", () => {
    expect(new RedirectError(302, "https://elsewhere.example/", site, 1).toJSON()).toMatchObject({
      name: "RedirectError",
      status: 302,
      location: "https://elsewhere.example/",
      method: "DELETE",
    });
    expect(new TimeoutError(1000, site, 3).toJSON()).toMatchObject({
      name: "TimeoutError",
      timeoutMs: 1000,
      attempts: 3,
    });
    expect(new ResponseBodyError("is not JSON", 200, site, 1, "listActions").toJSON()).toMatchObject({
      name: "ResponseBodyError",
      status: 200,
      operation: "listActions",
    });
    expect(new ProtocolError(600, site, 1).toJSON()).toMatchObject({ name: "ProtocolError", status: 600 });
  });

  it("NetworkError: names the host, and its cause stays out of the JSON", () => {
    const error = new NetworkError("ECONNRESET", { method: "GET", url: "http://127.0.0.1:8080/x?y=1" }, 2, {
      secret: "cause",
    });
    expect(error.message).toContain("network error reaching 127.0.0.1:8080: ECONNRESET");
    expect(error.cause).toEqual({ secret: "cause" });
    const json = error.toJSON();
    expect(Object.keys(json)).toEqual(["name", "message", "method", "url", "attempts"]);
    expect(JSON.stringify(error)).not.toContain("cause");
  });
});
