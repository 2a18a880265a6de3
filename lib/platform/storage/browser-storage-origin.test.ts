import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { browserStorageOrigin } from "./browser-storage-origin";
import { createS3Client } from "./s3-client";

afterEach(() => vi.unstubAllEnvs());

describe("browserStorageOrigin", () => {
  it("is the origin of the presigned URLs the S3 client makes, for every kind of storage", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "example-secret");
    const setups = [
      { AWS_REGION: "us-east-1", S3_BUCKET: "selah-media" },
      { AWS_REGION: "eu-west-2", S3_BUCKET: "selah-media" },
      { AWS_REGION: "eu-west-2", S3_BUCKET: "media.grace.example" },
      { AWS_REGION: "eu-west-2", S3_BUCKET: "selah-media", S3_FORCE_PATH_STYLE: true },
      {
        AWS_REGION: "auto",
        S3_BUCKET: "selah-media",
        S3_ENDPOINT: "https://abc.r2.cloudflarestorage.com",
      },
      {
        AWS_REGION: "auto",
        S3_BUCKET: "selah-media",
        S3_ENDPOINT: "https://abc.r2.cloudflarestorage.com",
        S3_FORCE_PATH_STYLE: false,
      },
      { AWS_REGION: "us-east-1", S3_BUCKET: "selah-media", S3_ENDPOINT: "http://127.0.0.1:4566" },
    ];
    for (const setup of setups) {
      const env = { S3_ENDPOINT: undefined, S3_FORCE_PATH_STYLE: undefined, ...setup };
      const s3 = createS3Client(env);
      const url = await getSignedUrl(
        s3,
        new PutObjectCommand({ Bucket: env.S3_BUCKET, Key: "churches/c/uploads/u/original" }),
        { expiresIn: 60 },
      );
      s3.destroy();
      expect(browserStorageOrigin({ ...env, S3_BROWSER_PROXY: false }), JSON.stringify(setup)).toBe(
        new URL(url).origin,
      );
    }
  });

  it("is none when browsers upload through the app's /s3 route", () => {
    expect(
      browserStorageOrigin({
        AWS_REGION: "us-east-1",
        S3_BUCKET: "selah-media",
        S3_ENDPOINT: "http://127.0.0.1:4566",
        S3_FORCE_PATH_STYLE: true,
        S3_BROWSER_PROXY: true,
      }),
    ).toBeNull();
  });
});
