import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listeningAddresses } from "@/test/support/listening-sockets";
import { listenOnLoopback } from "./listen-on-loopback";
import { type EmbeddedAws, startEmbeddedAws } from "./start-embedded-aws";

// The database and every other service as the launcher starts them: test/launcher/supervision.test.ts.
describe("the S3/SQS emulator, with HOST=0.0.0.0", () => {
  let aws: EmbeddedAws;
  let dir: string;
  const host = process.env.HOST;
  beforeAll(async () => {
    process.env.HOST = "0.0.0.0";
    dir = mkdtempSync(path.join(tmpdir(), "selah-loopback-"));
    aws = await startEmbeddedAws({ dataDir: dir, port: 0 });
  });
  afterAll(async () => {
    process.env.HOST = host;
    await aws?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 only, although fauxqs asks for every interface", () => {
    expect(listeningAddresses(aws.port)).toEqual(["127.0.0.1"]);
    expect(aws.endpoint).toBe(`http://127.0.0.1:${aws.port}`);
  });
});

describe("listenOnLoopback", () => {
  const listen = (server: net.Server, port: number) =>
    new Promise<string>((resolve) =>
      server.listen({ port, host: "0.0.0.0" }, () =>
        resolve((server.address() as net.AddressInfo).address),
      ),
    );
  const close = (server: net.Server) => new Promise((resolve) => server.close(resolve));

  it("moves only the listen on every interface with the given port to loopback, then puts net.Server#listen back", async () => {
    const original = net.Server.prototype.listen;
    const free = net.createServer();
    const port = await new Promise<number>((resolve) =>
      free.listen(0, "127.0.0.1", () => resolve((free.address() as net.AddressInfo).port)),
    );
    await close(free);
    const [other, target, later] = [net.createServer(), net.createServer(), net.createServer()];
    const addresses = await listenOnLoopback(port, async () => [
      await listen(other, 0),
      await listen(target, port),
      await listen(later, 0),
    ]);
    expect(addresses).toEqual(["0.0.0.0", "127.0.0.1", "0.0.0.0"]);
    expect(net.Server.prototype.listen).toBe(original);
    await Promise.all([other, target, later].map(close));
  });
});
