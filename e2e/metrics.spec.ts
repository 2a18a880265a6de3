import { expect, test } from "./support/csp-guard";
import { OPERATOR_TOKEN } from "./support/operator-token";

// The web app's Prometheus metrics on the production server (README "Observability"): request
// durations labelled by the route pattern Next.js matched, never by the raw address, so two
// churches' pages are one series; search timed; the endpoint closed without the token.
test("/api/metrics counts requests by route pattern and times searches, for the operator only", async ({
  request,
}) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const read = async () => {
    const answer = await request.get("/api/metrics", {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(answer.status()).toBe(200);
    return answer.text();
  };
  const count = (text: string, route: string, method = "GET") =>
    Number(
      new RegExp(
        `^selah_http_request_duration_seconds_count\\{method="${method}",route="${route.replace(/[[\]]/g, "\\$&")}",status_class="2xx"\\} (\\d+)$`,
        "m",
      ).exec(text)?.[1] ?? 0,
    );
  const before = await read();
  for (const path of ["/churches/grace-chapel", "/churches/grace-chapel", "/api/health"])
    expect((await request.get(path)).status(), path).toBe(200);
  expect((await request.get("/api/search?q=grace")).status()).toBe(200);
  // Answered in front of Next.js (scripts/launcher/web-app.ts), with the same headers and metric.
  const beacon = await request.post("/api/play-events", {
    data: { events: [{ sermonId: "no-such-sermon", kind: "start", positionMs: 0 }] },
  });
  expect(beacon.status()).toBe(202);
  expect(await beacon.json()).toEqual({ accepted: 0, ignored: 1 });
  expect(beacon.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "x-request-id": expect.any(String),
  });

  await expect
    .poll(async () => count(await read(), "/churches/[slug]") - count(before, "/churches/[slug]"))
    .toBe(2);
  const after = await read();
  expect(count(after, "/api/health") - count(before, "/api/health")).toBe(1);
  expect(count(after, "/api/play-events", "POST") - count(before, "/api/play-events", "POST")).toBe(
    1,
  );
  expect(after).not.toContain('route="/churches/grace-chapel"');
  expect(after).toMatch(/^selah_search_duration_seconds_count [1-9]\d*$/m);
});
