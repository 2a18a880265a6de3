export type PartUrl = { partNumber: number; url: string };
export type UploadProgress = {
  sentBytes: number;
  totalBytes: number;
  bytesPerSecond: number;
  secondsLeft: number | null;
};
export type CompletedParts = Record<number, string>;

type Options = {
  file: Blob;
  partSize: number;
  partCount: number;
  /** ETags of parts already stored (a resumed upload). */
  completed: CompletedParts;
  presign: (partNumbers: number[]) => Promise<PartUrl[]>;
  onPartDone: (partNumber: number, etag: string) => void;
  onProgress: (progress: UploadProgress) => void;
  concurrency?: number;
};

export class UploadPausedError extends Error {
  constructor() {
    super("Upload paused");
    this.name = "UploadPausedError";
  }
}

const SPEED_WINDOW_MS = 5000;
const PART_ATTEMPTS = 4;

/**
 * Sends a file's parts to presigned URLs, several at once, with per-byte progress (XHR, since
 * fetch reports no upload progress), retries of failed parts, and pause by aborting what is in
 * flight: parts already stored are kept, so resuming sends only the rest.
 */
export class MultipartUpload {
  private readonly inFlight = new Map<number, XMLHttpRequest>();
  private readonly loaded = new Map<number, number>();
  private readonly samples: { at: number; bytes: number }[] = [];
  private isPaused = false;

  constructor(private readonly options: Options) {}

  async run(): Promise<CompletedParts> {
    this.isPaused = false;
    const { partCount, completed } = this.options;
    const pending = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !completed[n]);
    const workers = Array.from(
      { length: Math.min(this.options.concurrency ?? 4, pending.length) },
      async () => {
        while (pending.length) {
          if (this.isPaused) throw new UploadPausedError();
          // Presign a few at a time: URLs expire, and a paused upload should not hold many.
          const batch = pending.splice(0, 2);
          const urls = await this.options.presign(batch);
          for (const { partNumber, url } of urls) {
            const etag = await this.sendWithRetries(partNumber, url);
            completed[partNumber] = etag;
            this.options.onPartDone(partNumber, etag);
          }
        }
      },
    );
    this.report();
    await Promise.all(workers);
    return completed;
  }

  pause(): void {
    this.isPaused = true;
    for (const request of this.inFlight.values()) request.abort();
  }

  private async sendWithRetries(partNumber: number, url: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.send(partNumber, url);
      } catch (error) {
        if (this.isPaused || attempt >= PART_ATTEMPTS)
          throw this.isPaused ? new UploadPausedError() : error;
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
  }

  private send(partNumber: number, url: string): Promise<string> {
    const { file, partSize } = this.options;
    const body = file.slice((partNumber - 1) * partSize, partNumber * partSize);
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      this.inFlight.set(partNumber, request);
      request.open("PUT", url);
      request.upload.onprogress = (event) => {
        this.loaded.set(partNumber, event.loaded);
        this.report();
      };
      request.onload = () => {
        this.inFlight.delete(partNumber);
        const etag = request.getResponseHeader("ETag");
        if (request.status >= 200 && request.status < 300 && etag) {
          this.loaded.set(partNumber, body.size);
          resolve(etag);
        } else {
          this.loaded.delete(partNumber);
          reject(new Error(`Storage refused part ${partNumber} (HTTP ${request.status})`));
        }
        this.report();
      };
      request.onerror = request.onabort = () => {
        this.inFlight.delete(partNumber);
        this.loaded.delete(partNumber);
        reject(new Error(`Part ${partNumber} did not reach storage`));
      };
      request.send(body);
    });
  }

  private report(): void {
    const { file, partSize, completed } = this.options;
    const partBytes = (n: number) => Math.min(partSize, file.size - (n - 1) * partSize);
    let sentBytes = 0;
    for (const key of Object.keys(completed))
      if (!this.loaded.has(Number(key))) sentBytes += partBytes(Number(key));
    for (const bytes of this.loaded.values()) sentBytes += bytes;
    const now = performance.now();
    this.samples.push({ at: now, bytes: sentBytes });
    while (this.samples.length > 2 && now - this.samples[0]!.at > SPEED_WINDOW_MS)
      this.samples.shift();
    const first = this.samples[0]!;
    const elapsed = (now - first.at) / 1000;
    const bytesPerSecond = elapsed > 0.25 ? Math.max(0, (sentBytes - first.bytes) / elapsed) : 0;
    const remaining = file.size - sentBytes;
    this.options.onProgress({
      sentBytes,
      totalBytes: file.size,
      bytesPerSecond,
      secondsLeft: bytesPerSecond > 0 ? remaining / bytesPerSecond : null,
    });
  }
}
