import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from "@aws-sdk/client-sqs";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureQueues } from "@/lib/platform/queue/ensure-queues";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { startTestServices, testAwsEnv, type TestServices } from "@/test/support/embedded-services";

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ migrate: false });
});
afterAll(() => services?.stop());

const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

describe("S3 through the emulator", () => {
  it("puts an object and reads a byte range of it", async () => {
    const s3 = createS3Client(testAwsEnv(services.aws.endpoint));
    await ensureBucket(s3, "media");
    await ensureBucket(s3, "media"); // idempotent
    await s3.send(new PutObjectCommand({ Bucket: "media", Key: "church/a.bin", Body: bytes }));
    const part = await s3.send(
      new GetObjectCommand({ Bucket: "media", Key: "church/a.bin", Range: "bytes=1000-1999" }),
    );
    const body = Buffer.from(await part.Body!.transformToByteArray());
    expect(body.equals(bytes.subarray(1000, 2000))).toBe(true);
  });

  it("serves a presigned GET URL with Range to a plain HTTP client", async () => {
    const s3 = createS3Client(testAwsEnv(services.aws.endpoint));
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: "media", Key: "church/a.bin" }),
      { expiresIn: 60 },
    );
    const response = await fetch(url, { headers: { Range: "bytes=0-99" } });
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);
  });

  it("accepts a presigned PUT", async () => {
    const s3 = createS3Client(testAwsEnv(services.aws.endpoint));
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: "media", Key: "church/b.txt" }),
      { expiresIn: 60 },
    );
    expect((await fetch(url, { method: "PUT", body: "hello" })).status).toBe(200);
    const object = await s3.send(new GetObjectCommand({ Bucket: "media", Key: "church/b.txt" }));
    expect(await object.Body!.transformToString()).toBe("hello");
  });
});

describe("SQS through the emulator", () => {
  it("moves a message that fails maxReceiveCount times to the DLQ", async () => {
    const sqs = createSqsClient(testAwsEnv(services.aws.endpoint));
    const settings = {
      mainQueueName: "events",
      deadLetterQueueName: "events-dlq",
      maxReceiveCount: 3,
      visibilityTimeoutSeconds: 30,
    };
    const urls = await ensureQueues(sqs, settings);
    expect(await ensureQueues(sqs, settings)).toEqual(urls); // idempotent
    await sqs.send(
      new SendMessageCommand({ QueueUrl: urls.mainQueueUrl, MessageBody: '{"poison":true}' }),
    );
    for (let attempt = 1; attempt <= 3; attempt++) {
      // Received but never deleted: each zero-visibility receive counts as a failed attempt.
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: urls.mainQueueUrl,
          VisibilityTimeout: 0,
          WaitTimeSeconds: 2,
        }),
      );
      expect(Messages).toHaveLength(1);
    }
    const main = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: urls.mainQueueUrl, WaitTimeSeconds: 1 }),
    );
    expect(main.Messages ?? []).toHaveLength(0);
    const dead = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: urls.deadLetterQueueUrl, WaitTimeSeconds: 2 }),
    );
    expect(dead.Messages?.[0]?.Body).toBe('{"poison":true}');
    await sqs.send(
      new DeleteMessageCommand({
        QueueUrl: urls.deadLetterQueueUrl,
        ReceiptHandle: dead.Messages![0]!.ReceiptHandle,
      }),
    );
  });
});
