import { z } from "zod";

const optionalUrl = z.url({ message: "expected an http(s) URL" }).optional();

/** S3 and SQS settings shared by every process that talks to them. */
export const awsEnvSchema = z.object({
  AWS_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: optionalUrl,
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "expected an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)",
    )
    .default("selah-media"),
  S3_FORCE_PATH_STYLE: z.stringbool({ error: "expected true or false" }).optional(),
  SQS_ENDPOINT: optionalUrl,
  SQS_QUEUE_URL: z.url({ message: "expected the main queue's URL" }),
  SQS_DLQ_URL: z.url({ message: "expected the dead-letter queue's URL" }),
});

export type AwsEnv = z.output<typeof awsEnvSchema>;
