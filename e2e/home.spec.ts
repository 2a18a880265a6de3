import { expect, test } from "./support/csp-guard";

test("the home page lists the seeded church", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sermons worth returning to." })).toBeVisible();
  // Its sermons are checked in listener.spec.ts, which publishes one.
  await expect(page.getByRole("heading", { name: "Latest sermons" })).toBeVisible();
  const card = page.getByTestId("church-card").filter({ hasText: "Grace Chapel" });
  await expect(card).toBeVisible();
  await expect(card).toContainText("3 speakers");
  await expect(card).toContainText("3 series");
  // Nothing may overflow sideways at this width.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("home.png"), fullPage: true });
});

test("GET /api/health reports every dependency up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("up");
  for (const name of ["database", "storage", "queue", "workflowEngine", "worker"]) {
    expect(body.dependencies[name]).toMatchObject({ status: "up" });
    expect(body.dependencies[name].latencyMs).toBeGreaterThanOrEqual(0);
  }
});
