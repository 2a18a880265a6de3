import { expect, test } from "./support/csp-guard";

// The pages' security headers, the limits on what a request may carry, and pages working under
// the CSP. (Every spec checks its own pages for CSP violations through ./support/csp-guard.)

test("the home page sends a CSP with a fresh nonce, nosniff, a referrer policy and no framing", async ({
  page,
}) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("script-src 'self' 'nonce-");
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over plain http here: no HSTS, and nothing upgraded.
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(csp).not.toContain("upgrade-insecure-requests");

  // Every script the server sent carries this request's nonce, and the page ran them (it is
  // interactive). Scripts those load later (the player's chunk) need none: 'strict-dynamic'.
  const scriptTags = [...(await response!.text()).matchAll(/<script\b[^>]*>/g)].map(
    (match) => match[0],
  );
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  await expect(page.getByRole("heading", { name: "Sermons worth returning to." })).toBeVisible();

  const again = await page.goto("/");
  expect(again!.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test("the CSP blocks a script injected into a page's HTML, and the CSP guard reports it", async ({
  page,
  cspViolations,
}) => {
  // As if the server's HTML carried an injected script: the page's own answer and CSP header,
  // with an inline script (no nonce) added to its body.
  await page.route("/", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      "<script>window.injected = true</script></body>",
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sermons worth returning to." })).toBeVisible();
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
  await expect.poll(() => cspViolations.join("\n")).toContain("script-src");
  // Seen, so the guard works; cleared, since this one was made on purpose.
  cspViolations.length = 0;
});

test("a page that is not there is Selah's own 404, within the CSP", async ({ page }) => {
  // One a page answers with notFound(), and an address no page matches.
  for (const path of ["/churches/no-such-church", "/no-such-page/at-all"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "There is nothing here" })).toBeVisible();
  }
});

test("HSTS is sent when the request came over https (the TLS proxy's X-Forwarded-Proto)", async ({
  request,
}) => {
  // The test's requests come from this machine, which the launcher trusts as a proxy.
  const response = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  const api = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(api.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("search and the admin sign-in page run under the CSP", async ({ page }) => {
  await page.goto("/search?q=grace");
  await expect(page.getByRole("searchbox").first()).toBeVisible();
  await page.goto("/admin/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a 60 MB question is refused with 413 before it is read; an over-long search with 414", async ({
  request,
}) => {
  const started = Date.now();
  const ask = await request.post("/api/ask", {
    headers: { "content-type": "application/json" },
    data: Buffer.alloc(60 * 1024 * 1024, 0x20),
  });
  expect(ask.status()).toBe(413);
  expect((await ask.json()).error.code).toBe("payload_too_large");
  expect(Date.now() - started).toBeLessThan(10_000);

  const q = "a".repeat(9 * 1024);
  const api = await request.get(`/api/search?q=${q}`);
  expect(api.status()).toBe(414);
  expect((await api.json()).error.code).toBe("uri_too_long");
  const page = await request.get(`/search?q=${q}`);
  expect(page.status()).toBe(414);
  expect(await page.text()).toContain("This address is too long");
  // A long question that is still a real one is a field error on the page, not a refusal.
  const long = await request.get(`/api/search?q=${"a".repeat(600)}`);
  expect(long.status()).toBe(422);
});
