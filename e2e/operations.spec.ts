import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { expect, test } from "./support/csp-guard";
import { createAdmin, createOperator } from "./support/create-admin";
import { embeddedAwsPort } from "./support/embedded-aws-port";
import { generateAudio } from "./support/generate-audio";
import { signIn } from "./support/sign-in";

const operator = { email: "ops@selah.example", password: "operator-password" };
const churchOwner = { email: "owner@ops-church.example", password: "ops-church-password" };
const REASON = "The event API refused the event: 400 (e2e)";

test.beforeAll(() => {
  createOperator(operator);
  createAdmin({ ...churchOwner, church: "ops-church", churchName: "Ops Church" });
});

/** A dead letter as the worker leaves one: a real event body, with its reason attached. */
async function putDeadLetter(): Promise<string> {
  const port = embeddedAwsPort(process.env.SELAH_DATA_DIR!);
  const sqs = new SQSClient({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: "selah-events-dlq" }));
    const event = {
      id: `sermon-uploaded:e2e-missing-${Date.now()}:v1`,
      name: "sermon/uploaded",
      data: { sermonId: "e2e-missing", churchId: "e2e-church", mediaVersion: 1, objectKey: "k" },
      ts: Date.now(),
    };
    const { MessageId } = await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: JSON.stringify(event),
        MessageAttributes: {
          DeadLetterReason: { DataType: "String", StringValue: REASON },
          DeadLetteredAt: { DataType: "String", StringValue: new Date().toISOString() },
        },
      }),
    );
    return MessageId!;
  } finally {
    sqs.destroy();
  }
}

test("an operator sees health and queues, and redrives a dead letter from the page", async ({
  page,
}, testInfo) => {
  const messageId = await putDeadLetter();
  await signIn(page, operator);
  // An operator of no church lands on the operator pages.
  await expect(page).toHaveURL(/\/operator$/);
  await expect(page.getByRole("heading", { name: "Health" })).toBeVisible();
  const dependencies = page.getByRole("list", { name: "Dependencies" });
  for (const name of ["database", "storage", "queue", "workflowEngine", "worker"])
    await expect(dependencies.locator(`[data-dependency="${name}"]`)).toContainText("Up");
  await expect(page.getByLabel("Main queue")).toContainText("Waiting");
  // The dead letter put there above is counted.
  await expect(page.getByLabel("Dead-letter queue").locator("dd").first()).not.toHaveText("0");
  await expect(page.getByLabel("Outbox backlog")).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath("operator-overview-1280.png"),
    fullPage: true,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("operator-overview-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("link", { name: "Dead letters" }).click();
  const row = page.locator(`[data-message-id="${messageId}"]`);
  await expect(row).toContainText(REASON);
  await expect(row).toContainText("sermon/uploaded");
  await page.screenshot({
    path: testInfo.outputPath("operator-dead-letters-1280.png"),
    fullPage: true,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({
    path: testInfo.outputPath("operator-dead-letters-390.png"),
    fullPage: true,
  });
  await page.setViewportSize({ width: 1280, height: 900 });

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Redrive" }).click();
  await expect(row).toHaveCount(0, { timeout: 20_000 });
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.locator(`[data-message-id="${messageId}"]`)).toHaveCount(0);

  // The redriven event reached the engine: its run is listed, with its steps.
  await page.getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Pipeline runs" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Runs" }).locator("[data-run]").first()).toBeVisible({
    timeout: 30_000,
  });
  await page.screenshot({ path: testInfo.outputPath("operator-jobs-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("operator-jobs-390.png"), fullPage: true });
});

test("church admins get 404 on operator pages; anonymous visitors are sent to sign in", async ({
  page,
}) => {
  await page.goto("/operator/dead-letters");
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Foperator%2Fdead-letters/);
  await signIn(page, churchOwner);
  await expect(page).toHaveURL(/\/admin\/ops-church$/);
  for (const path of [
    "/operator",
    "/operator/jobs",
    "/operator/dead-letters",
    "/operator/mailbox",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("the mailbox shows the email a church's admins get when a sermon becomes searchable", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const dir = path.resolve(".data", "e2e-media");
  mkdirSync(dir, { recursive: true });
  const captions = path.join(dir, "operations.vtt");
  writeFileSync(captions, "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nGrace and peace to you all.\n");
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/sermon-add.ts",
      "--church",
      "ops-church",
      "--title",
      "Mailbox Morning",
      "--audio",
      generateAudio(8),
      "--transcript",
      captions,
      "--publish",
      "--wait",
    ],
    {
      env: { ...process.env, FAUXQS_PORT: String(embeddedAwsPort(process.env.SELAH_DATA_DIR!)) },
      stdio: "pipe",
      timeout: 150_000,
    },
  );
  await signIn(page, operator);
  await page.goto("/operator/mailbox");
  const message = page.getByRole("link", { name: /“Mailbox Morning” is ready — Ops Church/ });
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(message).toContainText(churchOwner.email);
  await page.screenshot({ path: testInfo.outputPath("operator-mailbox-1280.png"), fullPage: true });
  await message.click();
  await expect(page.getByText(/listeners can play it and find it in search/)).toBeVisible();
  await expect(page.getByText(/\/admin\/ops-church\/sermons\//)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({
    path: testInfo.outputPath("operator-mailbox-message-390.png"),
    fullPage: true,
  });
});

test("bad addresses on the operator pages are a 404 or a note, never a 500", async ({ page }) => {
  await signIn(page, operator);
  await expect(page).toHaveURL(/\/operator$/);
  const bogus = await page.goto("/operator/jobs?status=Exploded&cursor=%00%27%3B--");
  expect(bogus?.status()).toBe(200);
  await expect(page.getByText("There is no status “Exploded”; showing every run.")).toBeVisible();
  for (const path of [
    "/operator/sermons/%00",
    "/operator/sermons/no-such-sermon",
    "/operator/mailbox/..%2F..%2Fauth-secret",
    "/operator/mailbox/no-such-message.eml",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
