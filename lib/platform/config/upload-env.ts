import { z } from "zod";

export const uploadEnvSchema = z.object({
  UPLOAD_MAX_BYTES: z.coerce
    .number({ message: "expected a size in bytes" })
    .int("expected a whole number of bytes")
    .min(1024 * 1024, "expected at least 1 MiB (1048576)")
    .default(2 * 1024 ** 3),
  /**
   * Browsers reach storage through the app's /s3 route instead of the storage endpoint itself:
   * for storage that sends no CORS headers (the embedded emulator). The URLs stay presigned
   * for the real endpoint, and the route forwards only upload parts whose signature it has
   * verified itself (lib/platform/storage/verify-presigned-upload-part.ts): the emulator checks
   * none.
   */
  S3_BROWSER_PROXY: z.stringbool({ error: "expected true or false" }).default(false),
});

export type UploadEnv = z.output<typeof uploadEnvSchema>;
