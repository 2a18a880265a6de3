import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServices, type TestServices } from "@/test/support/embedded-services";
import { listeningAddresses } from "@/test/support/listening-sockets";
import { listenOnLoopback } from "./listen-on-loopback";

describe("the embedded services, with HOST=0.0.0.0", () => {
  let services: TestServices;
  const host = process.env.HOST;
  beforeAll(async () => {
    process.env.HOST = "0.0.0.0";
    services = await startTestServices({ migrate: false });
  });
  afterAll(async () => {
    process.env.HOST = host;
    await services?.stop();
  });

  it("listen on 127.0.0.1 only: the database and the S3/SQS emulator", () => {
    expect(listeningAddresses(services.database.port)).toEqual(["127.0.0.1"]);
    expect(listeningAddresses(services.aws.port)).toEqual(["127.0.0.1"]);
    expect(services.aws.endpoint).toBe(`http://127.0.0.1:${services.aws.port}`);
  });
});

describe("listenOnLoopback", () => {
  const listen = (server: net.Server, port: number) =>
    new Promise<string>((resolve) => server.listen({ port, host: "0.0.0.0" }, () => resolve((server.address() as net.AddressInfo).address)));
  const close = (server: net.Server) => new Promise((resolve) => server.close(resolve));

  it("moves only the listen on every interface with the given port to loopback, then puts net.Server#listen back", async () => {
    const original = net.Server.prototype.listen;
    const free = net.createServer();
    const port = await new Promise<number>((resolve) => free.listen(0, "127.0.0.1", () => resolve((free.address() as net.AddressInfo).port)));
    await close(free);
    const [other, target, later] = [net.createServer(), net.createServer(), net.createServer()];
    const addresses = await listenOnLoopback(port, async () => [await listen(other, 0), await listen(target, port), await listen(later, 0)]);
    expect(addresses).toEqual(["0.0.0.0", "127.0.0.1", "0.0.0.0"]);
    expect(net.Server.prototype.listen).toBe(original);
    await Promise.all([other, target, later].map(close));
  });
});
