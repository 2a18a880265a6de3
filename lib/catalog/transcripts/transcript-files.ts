import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { type MachineTranscript, transcriptSchema } from "./transcript";

export interface TranscriptStorage {
  s3: S3Client;
  bucket: string;
}

/** Writes a text object, replacing what was there (keys are deterministic; retries overwrite). */
export async function putText(
  storage: TranscriptStorage,
  key: string,
  body: string,
  contentType: string,
): Promise<number> {
  const bytes = Buffer.from(body, "utf8");
  await storage.s3.send(
    new PutObjectCommand({
      Bucket: storage.bucket,
      Key: key,
      Body: bytes,
      ContentLength: bytes.length,
      ContentType: contentType,
    }),
  );
  return bytes.length;
}

export async function getText(storage: TranscriptStorage, key: string): Promise<string> {
  const { Body } = await storage.s3.send(
    new GetObjectCommand({ Bucket: storage.bucket, Key: key }),
  );
  if (!Body) throw new Error(`S3 returned no body for ${key}`);
  return Body.transformToString("utf8");
}

/** The words file: the whole transcript (segments and word timings) as one JSON object. */
export const writeWordsFile = (
  storage: TranscriptStorage,
  key: string,
  transcript: MachineTranscript,
) => putText(storage, key, JSON.stringify(transcript), "application/json");

export async function readWordsFile(
  storage: TranscriptStorage,
  key: string,
): Promise<MachineTranscript> {
  return transcriptSchema.parse(JSON.parse(await getText(storage, key)));
}
