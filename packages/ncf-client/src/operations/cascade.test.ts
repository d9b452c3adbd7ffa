import { describe, expect, it } from "vitest";
import { createNcfClient, NcfApiError } from "../index.js";
import { fakeNcf } from "../test/fake-ncf.js";

const client = (fetch: typeof globalThis.fetch) =>
  createNcfClient({
    accessKey: "AK",
    secretKey: "SK",
    baseUrl: "https://ncf.test/ncf/api/v2",
    fetch,
    backoff: { baseMs: 1, maxMs: 2 },
  });

describe("getPackage, listActions, deleteAction", () => {
  it("read the package and its actions, and delete one action", async () => {
    const fake = fakeNcf({ pkg: ["a", "b"] });
    const ncf = client(fake.fetch);
    expect(await ncf.getPackage("pkg")).toMatchObject({ name: "pkg", actions: ["a", "b"] });
    expect((await ncf.listActions("pkg")).map((a) => a.name)).toEqual(["a", "b"]);
    await ncf.deleteAction("pkg", "a", { platform: "classic" });
    expect(fake.log.at(-1)).toBe("DELETE /packages/pkg/actions/a?platform=classic");
    await expect(ncf.deleteAction("pkg", "a")).rejects.toMatchObject({ status: 404, code: "80301" });
    await expect(ncf.deleteAction("pkg", "a", { missingOk: true })).resolves.toMatchObject({
      alreadyGone: true,
      attempts: 1,
    });
  });

  it("retry the transient subnet states 81313/81314, never the failures 81311/81312", async () => {
    const fake = fakeNcf({ pkg: ["a", "b"] });
    let transient = 2;
    fake.before = (method, path) => {
      if (method !== "DELETE" || (!path.endsWith("/a") && !path.endsWith("/b"))) return undefined;
      if (path.endsWith("/a") && transient-- > 0) {
        return Response.json(
          { error: { errorCode: "81313", message: "NAT_BEING_CREATED" } },
          { status: 500 },
        );
      }
      if (path.endsWith("/b")) {
        return Response.json({ error: { errorCode: "81312", message: "NAT_CREATE_FAIL" } }, { status: 500 });
      }
      return undefined;
    };
    const ncf = client(fake.fetch);
    await ncf.deleteAction("pkg", "a");
    expect(fake.log.filter((l) => l.startsWith("DELETE /packages/pkg/actions/a"))).toHaveLength(3);
    await expect(ncf.deleteAction("pkg", "b")).rejects.toMatchObject({ code: "81312", attempts: 1 });
  });

  it("refuse bad names before sending, and accept - for the actions in no package", async () => {
    const fake = fakeNcf({ "-": ["loose"] });
    const ncf = client(fake.fetch);
    await expect(ncf.deleteAction("pkg", "-bad")).rejects.toMatchObject({
      name: "ValidationError",
      field: "actionName",
    });
    await expect(ncf.getPackage("-")).rejects.toMatchObject({ field: "packageName" });
    expect(fake.log).toEqual([]);
    expect((await ncf.listActions("-")).map((a) => a.name)).toEqual(["loose"]);
  });
});

describe("deletePackage with cascade", () => {
  it("deletes the actions with bounded concurrency, then the package, and reports them", async () => {
    const names = Array.from({ length: 10 }, (_, i) => `a${i}`);
    const fake = fakeNcf({ pkg: names });
    let inFlight = 0;
    let peak = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      try {
        return await fake.fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const events: string[] = [];
    const report = await client(fetch).deletePackage("pkg", {
      cascade: true,
      concurrency: 3,
      onProgress: (event) => events.push(event.type),
    });
    expect(report.deletedActions.sort()).toEqual(names.sort());
    expect(report).toMatchObject({ rounds: 1, alreadyGone: false });
    expect(fake.packages.has("pkg")).toBe(false);
    expect(peak).toBeLessThanOrEqual(3);
    expect(events[0]).toBe("listed");
    expect(events.at(-1)).toBe("packageDeleted");
  });

  it("lists again when an action appears meanwhile (a 409), a bounded number of rounds", async () => {
    const fake = fakeNcf({ pkg: ["a"] });
    let created = 0;
    fake.before = (method, path) => {
      // an action is created after each listing, twice
      if (method === "DELETE" && path === "/packages/pkg" && created < 2)
        fake.packages.get("pkg")?.add(`late${created++}`);
      return undefined;
    };
    const report = await client(fake.fetch).deletePackage("pkg", { cascade: true });
    expect(report).toMatchObject({ rounds: 3, deletedActions: ["a", "late0", "late1"] });

    const stubborn = fakeNcf({ pkg: [] });
    stubborn.before = (method, path) => {
      if (method === "DELETE" && path === "/packages/pkg")
        stubborn.packages.get("pkg")?.add(`x${stubborn.log.length}`);
      return undefined;
    };
    const error = await client(stubborn.fetch)
      .deletePackage("pkg", { cascade: true, maxRounds: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NcfApiError);
    expect(error).toMatchObject({ status: 409, code: "80109" });
    expect(stubborn.log.filter((l) => l.startsWith("DELETE /packages/pkg?"))).toHaveLength(2);
  });

  it("never retries a 409 blindly, and missingOk makes a missing package a success", async () => {
    const fake = fakeNcf({});
    const ncf = client(fake.fetch);
    await expect(ncf.deletePackage("gone", { cascade: true })).rejects.toMatchObject({
      status: 404,
      code: "80101",
    });
    expect(await ncf.deletePackage("gone", { cascade: true, missingOk: true })).toEqual({
      deletedActions: [],
      rounds: 1,
      alreadyGone: true,
      attempts: 1,
      requestId: undefined,
    });
    const plain = fakeNcf({ full: ["a"] });
    await expect(client(plain.fetch).deletePackage("full")).rejects.toMatchObject({ status: 409 });
    expect(plain.log).toEqual(["DELETE /packages/full?platform=vpc"]);
  });

  it("checks concurrency and maxRounds", async () => {
    const ncf = client(fakeNcf({}).fetch);
    await expect(ncf.deletePackage("p", { cascade: true, concurrency: 0 })).rejects.toMatchObject({
      field: "concurrency",
    });
    await expect(ncf.deletePackage("p", { cascade: true, maxRounds: 11 })).rejects.toMatchObject({
      field: "maxRounds",
    });
  });
});
