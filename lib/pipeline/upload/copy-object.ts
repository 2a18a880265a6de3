import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  type S3Client,
  UploadPartCopyCommand,
} from "@aws-sdk/client-s3";

const MiB = 1024 * 1024;
const MAX_PARTS = 10_000;

export interface CopyLimits {
  /** Up to this size one CopyObject (S3 allows 5 GiB); larger objects are copied in parts. */
  singleCopyMaxBytes: number;
  /** Part size of a multipart copy (at least 5 MiB, and large enough for 10,000 parts). */
  partBytes: number;
  /** Parts copied at once. */
  concurrency: number;
}

// One request copies up to 256 MiB quickly; beyond that, parallel part copies are faster
// than a single CopyObject (which S3 performs sequentially, minutes for several GiB).
const DEFAULT_LIMITS: CopyLimits = {
  singleCopyMaxBytes: 256 * MiB,
  partBytes: 128 * MiB,
  concurrency: 8,
};

/**
 * Copies `from` to `to` inside the bucket, storage-side (nothing passes through this
 * process), giving the copy `contentType`. The source is left for the caller to delete.
 */
export async function copyObject(
  s3: S3Client,
  bucket: string,
  {
    from,
    to,
    bytes,
    contentType,
  }: { from: string; to: string; bytes: number; contentType: string },
  limits: Partial<CopyLimits> = {},
): Promise<void> {
  const { singleCopyMaxBytes, partBytes, concurrency } = { ...DEFAULT_LIMITS, ...limits };
  const source = `${bucket}/${from.split("/").map(encodeURIComponent).join("/")}`;
  if (bytes <= singleCopyMaxBytes) {
    await s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: to,
        CopySource: source,
        MetadataDirective: "REPLACE",
        ContentType: contentType,
      }),
    );
    return;
  }

  const partSize = Math.max(partBytes, Math.ceil(bytes / MAX_PARTS / MiB) * MiB);
  const ranges = Array.from({ length: Math.ceil(bytes / partSize) }, (_, i) => ({
    partNumber: i + 1,
    range: `bytes=${i * partSize}-${Math.min(bytes, (i + 1) * partSize) - 1}`,
  }));
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: bucket, Key: to, ContentType: contentType }),
  );
  if (!UploadId) throw new Error("Storage did not return an upload id");
  try {
    const etags: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < ranges.length) {
        const { partNumber, range } = ranges[next++]!;
        const copied = await s3.send(
          new UploadPartCopyCommand({
            Bucket: bucket,
            Key: to,
            UploadId,
            PartNumber: partNumber,
            CopySource: source,
            CopySourceRange: range,
          }),
        );
        const etag = copied.CopyPartResult?.ETag;
        if (!etag) throw new Error(`Storage returned no ETag for part ${partNumber} of the copy`);
        etags[partNumber - 1] = etag;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ranges.length) }, worker));
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: to,
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
      }),
    );
  } catch (error) {
    await s3
      .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: to, UploadId }))
      .catch(() => undefined);
    throw error;
  }
}
