import { expect, type Page } from "@playwright/test";

/** Waits on the admin sermon page until the transcode stage is done: listeners can play the whole sermon. */
export async function expectStreamable(page: Page, timeout = 120_000) {
  const media = page
    .getByRole("region", { name: "Processing" })
    .locator('[data-stage="transcode"]');
  await expect(media).toHaveAttribute("data-state", "done", { timeout });
}
