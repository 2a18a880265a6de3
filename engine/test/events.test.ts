import { afterEach, describe, expect, it } from "vitest";
import {
  cleanupAll,
  eventUrl,
  getJson,
  listRuns,
  setupApp,
  sleep,
  waitForEndedRuns,
} from "./harness";

afterEach(cleanupAll);

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe("events", () => {
  it("accepts one or many events and answers {ids, status} with ULIDs in order", async () => {
    const setup = await setupApp(() => []);
    const single = await fetch(eventUrl(setup.engine.url), {
      method: "POST",
      body: JSON.stringify({ name: "demo/one", data: { n: 1 } }),
    });
    const singleBody = (await single.json()) as { ids: string[]; status: number };
    expect(singleBody.status).toBe(200);
    expect(singleBody.ids).toHaveLength(1);
    expect(singleBody.ids[0]).toMatch(ULID);
    const { ids } = await setup.client.send([
      { name: "demo/many", data: { n: 1 } },
      { name: "demo/many", data: { n: 2 } },
      { name: "demo/many", data: { n: 3 } },
    ]);
    expect(ids).toHaveLength(3);
    for (const [index, id] of ids.entries()) {
      const event = await getJson<{ data: { name: string; data: { n: number }; id: string } }>(
        `${setup.engine.url}/v1/events/${id}`,
      );
      expect(event.data.data.n).toBe(index + 1);
      expect(event.data.id).toBe(id);
    }
  });

  it("the same seed header twice gives the same ids and one run", async () => {
    const setup = await setupApp((client) => [
      client.createFunction({ id: "seeded", triggers: [{ event: "demo/seed" }] }, async () => "ok"),
    ]);
    const post = () =>
      fetch(eventUrl(setup.engine.url), {
        method: "POST",
        headers: {
          "x-inngest-event-id-seed": `${Date.now() - 5000},${Buffer.from("0123456789").toString("base64")}`,
        },
        body: JSON.stringify([{ name: "demo/seed", data: {} }]),
      }).then((r) => r.json() as Promise<{ ids: string[] }>);
    const seed = `${Date.now()},${Buffer.from("abcdefghij").toString("base64")}`;
    const again = () =>
      fetch(eventUrl(setup.engine.url), {
        method: "POST",
        headers: { "x-inngest-event-id-seed": seed },
        body: JSON.stringify([{ name: "demo/seed", data: {} }]),
      }).then((r) => r.json() as Promise<{ ids: string[] }>);
    const first = await again();
    const second = await again();
    expect(second.ids).toEqual(first.ids);
    const other = await post();
    expect(other.ids).not.toEqual(first.ids);
    await waitForEndedRuns(setup.engine.url, setup.fnId("seeded"), 2);
    await sleep(200);
    expect(await listRuns(setup.engine.url, setup.fnId("seeded"))).toHaveLength(2);
  });

  it("an event id sent twice starts one run", async () => {
    const setup = await setupApp((client) => [
      client.createFunction({ id: "once", triggers: [{ event: "demo/once" }] }, async () => "ok"),
    ]);
    await setup.send("demo/once", { try: 1 }, "order-42");
    await setup.send("demo/once", { try: 2 }, "order-42");
    await waitForEndedRuns(setup.engine.url, setup.fnId("once"));
    await sleep(300);
    expect(await listRuns(setup.engine.url, setup.fnId("once"))).toHaveLength(1);
  });

  it("rejects reserved names, malformed bodies and invalid events with 400", async () => {
    const setup = await setupApp(() => []);
    const post = (body: string) => fetch(eventUrl(setup.engine.url), { method: "POST", body });
    const reserved = await post(JSON.stringify([{ name: "inngest/function.failed", data: {} }]));
    expect(reserved.status).toBe(400);
    expect(await reserved.json()).toMatchObject({ status: 400, ids: [] });
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ data: {} }))).status).toBe(400);
    expect((await post(JSON.stringify({ name: "x", data: "str" }))).status).toBe(400);
    expect((await post(JSON.stringify([]))).status).toBe(400);
  });

  it("filters by trigger expression and wildcard; two matching triggers run once", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "expr", triggers: [{ event: "shop/order.created", if: "event.data.total > 100" }] },
        async ({ event }) => event.data.total,
      ),
      client.createFunction(
        { id: "wild", triggers: [{ event: "shop/*" }] },
        async ({ event }) => event.name,
      ),
      client.createFunction(
        { id: "dotted", triggers: [{ event: "shop/order.*" }, { event: "shop/order.created" }] },
        async ({ event }) => event.name,
      ),
    ]);
    await setup.send("shop/order.created", { total: 50 });
    await setup.send("shop/order.created", { total: 500 });
    await setup.send("shop/refund", { total: 500 });
    await waitForEndedRuns(setup.engine.url, setup.fnId("wild"), 3);
    await waitForEndedRuns(setup.engine.url, setup.fnId("dotted"), 2);
    const expr = await waitForEndedRuns(setup.engine.url, setup.fnId("expr"), 1);
    await sleep(200);
    expect(expr.map((run) => run.output)).toEqual([500]);
    expect(await listRuns(setup.engine.url, setup.fnId("dotted"))).toHaveLength(2);
    expect(await listRuns(setup.engine.url, setup.fnId("wild"))).toHaveLength(3);
  });
});
