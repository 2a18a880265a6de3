import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startQueueServices, type QueueServices } from "@/test/events/support/event-path";
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { DELETE, GET } from "./route";
import { POST as redrive } from "./redrive/route";

const TOKEN = "t".repeat(40);
let queue: QueueServices;

beforeAll(async () => {
  queue = await startQueueServices();
  Object.assign(process.env, {
    DATABASE_URL: queue.services.database.url,
    SQS_ENDPOINT: queue.services.aws.endpoint,
    SQS_QUEUE_URL: queue.queues.mainQueueUrl,
    SQS_DLQ_URL: queue.queues.deadLetterQueueUrl,
    INNGEST_DEV: "1",
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "s".repeat(40),
  });
});
afterAll(() => queue?.stop());

const call = (token: string | undefined, init: RequestInit = {}) =>
  new Request("http://selah.test/api/admin/dlq", {
    ...init,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe("/api/admin/dlq", () => {
  it("is disabled (403) until ADMIN_API_TOKEN is set", async () => {
    delete process.env.ADMIN_API_TOKEN;
    expect((await GET(call(TOKEN))).status).toBe(403);
  });

  it("asks for the bearer token (401) and refuses a wrong one (403)", async () => {
    process.env.ADMIN_API_TOKEN = TOKEN;
    const missing = await GET(call(undefined));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await GET(call("x".repeat(40)))).status).toBe(403);
  });

  it("lists, redrives and purges for the operator", async () => {
    process.env.ADMIN_API_TOKEN = TOKEN;
    const { MessageId } = await queue.sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.queues.deadLetterQueueUrl,
        MessageBody: "not json",
      }),
    );
    const listed = (await (await GET(call(TOKEN))).json()) as { messages: { messageId: string }[] };
    expect(listed.messages.map((m) => m.messageId)).toEqual([MessageId]);
    const invalid = await redrive(
      call(TOKEN, { method: "POST", body: JSON.stringify({ messageIds: [] }) }),
    );
    expect(invalid.status).toBe(422);
    const purged = await DELETE(call(TOKEN, { method: "DELETE" }));
    expect(await purged.json()).toEqual({ purged: 1 });
  });
});
