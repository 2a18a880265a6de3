import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { signIn } from "./support/sign-in";

const owner = { email: "owner@insights.example", password: "insights-owner-password" };
const CHURCH = "insights-chapel";
let seeded: { plays: number; days: number };

test.beforeAll(() => {
  createAdmin({ ...owner, church: CHURCH, churchName: "Insights Chapel" });
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", "e2e/support/seed-insights.ts", CHURCH],
    { env: process.env, stdio: "pipe" },
  );
  seeded = JSON.parse(output.toString().trim().split("\n").at(-1)!);
});

test("an admin sees a seeded month of listening on the insights dashboard and exports it as CSV", async ({
  page,
}, testInfo) => {
  await signIn(page, owner);
  await expect(page).toHaveURL(new RegExp(`/admin/${CHURCH}$`));
  await page.getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "Listening insights" })).toBeVisible();
  await page.getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/days=30/);

  await expect(page.getByTestId("total-Plays")).toHaveText(seeded.plays.toLocaleString("en"));
  const chart = page.getByTestId("listening-chart").locator("canvas");
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute("aria-label", new RegExp(`${seeded.plays} plays`));
  // Chart.js has drawn into the canvas: it is not blank.
  const inked = await chart.evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
  expect(inked).toBeGreaterThan(500);
  await expect(
    page.getByRole("heading", { name: /Where listeners stop: Seeded: The Sower/ }),
  ).toBeVisible();
  await expect(page.getByTestId("retention-chart").locator("canvas")).toBeVisible();
  // Among the top searches and, as it found nothing, the searches that found nothing.
  await expect(page.getByRole("link", { name: "tithing" })).toHaveCount(2);
  await expect(page.getByRole("link", { name: "tithing" }).last()).toHaveAttribute(
    "href",
    `/search?q=tithing&church=${CHURCH}`,
  );
  await page.screenshot({ path: testInfo.outputPath("insights.png"), fullPage: true });
  await expectAccessible(page, testInfo, "insights dashboard");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV (per day)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${CHURCH}-daily-.*\\.csv$`));
  const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
  expect(lines[0]).toBe("day,plays,unique_listeners,feed_downloads");
  expect(lines).toHaveLength(seeded.days + 1);
  const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(",")[1]), 0);
  expect(total).toBe(seeded.plays);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("insights-390.png"), fullPage: true });
});
