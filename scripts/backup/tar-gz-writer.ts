import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { createGzip, type Gzip } from "node:zlib";
import { Header } from "tar";

const BLOCK = 512;

/**
 * Writes a gzipped tar one entry at a time, each body streamed from wherever it comes (an S3
 * object, a file), so a backup needs no second copy of the media on disk. The headers are the
 * `tar` package's (ustar); any tar reader, `tar` itself included, reads the result.
 */
export class TarGzWriter {
  private readonly gzip: Gzip;
  private readonly output: WriteStream;
  private readonly done: Promise<void>;

  constructor(file: string) {
    this.gzip = createGzip();
    // Readable by its owner only: the archive holds the secrets and the password hashes.
    this.output = createWriteStream(file, { flags: "wx", mode: 0o600 });
    this.gzip.pipe(this.output);
    // A file that fails (a full disk) stops draining the compressor: fail its writes too.
    this.output.on("error", (error) => this.gzip.destroy(error));
    this.done = finished(this.output);
    // Surfaced by close(); without a listener an early failure would crash the process.
    this.done.catch(() => undefined);
  }

  /** Adds a file entry; `body` must yield exactly `size` bytes. */
  async add(
    name: string,
    size: number,
    body: AsyncIterable<Uint8Array> | Uint8Array,
    options: { mode?: number; mtime?: Date } = {},
  ): Promise<void> {
    const header = new Header({
      path: name,
      type: "File",
      size,
      mode: options.mode ?? 0o644,
      mtime: options.mtime ?? new Date(),
      uid: 0,
      gid: 0,
    });
    if (Buffer.byteLength(name) > 100)
      throw new Error(`The entry name ${name} does not fit a plain tar header.`);
    const block = Buffer.alloc(BLOCK);
    // Sizes of 8 GiB and more are written in base-256, which tar readers (node-tar, GNU) read.
    header.encode(block, 0);
    await this.write(block);
    let written = 0;
    for await (const chunk of body instanceof Uint8Array ? [body] : body) {
      written += chunk.length;
      if (written > size) throw new Error(`${name} is longer than the ${size} bytes announced.`);
      await this.write(chunk);
    }
    if (written !== size)
      throw new Error(`${name} has ${written} bytes instead of the ${size} announced.`);
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (padding) await this.write(Buffer.alloc(padding));
  }

  /** Ends the archive (two zero blocks) and waits until it is on disk. */
  async close(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.gzip.end();
    await this.done;
  }

  /** Stops writing after a failure; the caller deletes the partial file. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    this.output.destroy();
    await this.done.catch(() => undefined);
  }

  private async write(chunk: Uint8Array): Promise<void> {
    if (this.output.errored) throw this.output.errored;
    if (!this.gzip.write(chunk)) await once(this.gzip, "drain");
  }
}
