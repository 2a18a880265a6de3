import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { ReceiveMessageCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterAll, expect, it } from "vitest";
import { createDb } from "@/lib/platform/db/client";
import { migrate } from "@/lib/platform/db/migrate";
import { ensureQueues } from "@/lib/platform/queue/ensure-queues";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { startTestServices, testAwsEnv, type TestServices } from "./support/embedded-services";

const queueSettings = {
  mainQueueName: "events",
  deadLetterQueueName: "events-dlq",
  maxReceiveCount: 5,
  visibilityTimeoutSeconds: 30,
};
let services: TestServices | undefined;
afterAll(() => services?.stop());

it("keeps rows, objects and queued messages across a restart of the embedded services", async () => {
  services = await startTestServices();
  const db = createDb(services.database.url, 1);
  await db.church.create({ data: { slug: "kept", name: "Kept Church" } });
  await db.$disconnect();
  const s3 = createS3Client(testAwsEnv(services.aws.endpoint));
  await ensureBucket(s3, "media");
  await s3.send(new PutObjectCommand({ Bucket: "media", Key: "kept.txt", Body: "still here" }));
  const sqs = createSqsClient(testAwsEnv(services.aws.endpoint));
  const { mainQueueUrl } = await ensureQueues(sqs, queueSettings);
  await sqs.send(
    new SendMessageCommand({ QueueUrl: mainQueueUrl, MessageBody: "queued before restart" }),
  );
  await services.stop({ keepData: true });

  services = await startTestServices({ dir: services.dir });
  expect((await migrate(services.database.url)).applied).toEqual([]);
  const reopened = createDb(services.database.url, 1);
  expect(await reopened.church.findUnique({ where: { slug: "kept" } })).toMatchObject({
    name: "Kept Church",
  });
  await reopened.$disconnect();
  const s3Again = createS3Client(testAwsEnv(services.aws.endpoint));
  const object = await s3Again.send(new GetObjectCommand({ Bucket: "media", Key: "kept.txt" }));
  expect(await object.Body!.transformToString()).toBe("still here");
  const sqsAgain = createSqsClient(testAwsEnv(services.aws.endpoint));
  const urls = await ensureQueues(sqsAgain, queueSettings);
  const { Messages } = await sqsAgain.send(
    new ReceiveMessageCommand({ QueueUrl: urls.mainQueueUrl, WaitTimeSeconds: 2 }),
  );
  expect(Messages?.[0]?.Body).toBe("queued before restart");
});
